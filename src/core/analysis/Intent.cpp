#include "core/analysis/Intent.h"

#include <algorithm>

namespace earmark::core::analysis {

namespace {

// The cue lists: general English of customers on the phone, no shop's products. A cue is
// words in order; "{a|b}" is one of them, "*" up to three words of any kind. Words are
// compared by their stem, so "leak" also finds "leaking" and "leaked". Folded text drops
// apostrophes: "didn't" is "didnt", "I'd" is "id".

// Long cues are string literals joined across lines on purpose.
// NOLINTBEGIN(bugprone-suspicious-missing-comma)
// Hypothetical or aspirational: a need hinted at, not a product asked for.
const std::vector<std::string_view> kFuture{
    "one day {i|id|it|they|you|we|maybe|there|someone|ill|the|my|this|our|its|theyll|youll}",
    "{maybe|perhaps|hopefully|until} one day",
    "someday",
    "some day",
    "imagine",
    "{would|itd|thatd|twould|id|will|it would} be {a|the|my} dream",
    "thats the dream",
    "the dream is",
    "{dream|dreaming|dreamed|dreamt} {of|about}",
    "in my dreams",
    "{ideal|perfect|dream} world",
    "picture {a|an|if|me|my|having}",
    "if there {was|were} ever",
    "keep {hoping|thinking|wishing}",
    "{itd|would|thatd|twould|it would} be {amazing|awesome|incredible|brilliant|cool|great|fantastic|magic|magical|"
    "neat|ace|wild|genius|lovely|handy|nice} {if|someday|one day|to}",
    "someone will {invent|make|come up with}",
    "theres a way to",
    "in the future",
    "in future",
    "what if",
    "wouldnt it be",
    "would be {amazing|awesome|incredible|brilliant|cool|great|fantastic|magic|magical|neat|ace|wild|genius} if",
    "be {amazing|awesome|incredible|brilliant|cool|great|fantastic|magic|magical|neat|genius} if * {could|would|did}",
    "how {cool|great|amazing|awesome|good|nice} would",
    "if only {it|they|you} {could|would}",
    "down the line",
    "next level",
    "futuristic",
    "sci fi",
    "{could|would} * {automatically|itself|themselves|remember|learn|predict|sense|detect|adjust|adapt}",
    "{could|would} {tell|warn|remind|alert|know} me",
    "ahead of its time",
    "the holy grail",
};

// Asking for money back, a replacement or an exchange: a complaint, even when it is asked
// ("I'd like a refund", "Can I get a replacement?"). Read before the requests.
const std::vector<std::string_view> kRemedy{
    "{refund|refunded|replacement|replace it|exchange|money back|send it back|return it|returning it}",
};

// Asking for what the shop does not offer: a size, a colour, a version, an accessory.
const std::vector<std::string_view> kFill{
    "do you {sell|do|make|have|offer|carry|stock|ship|plan}",
    "does it come in",
    "{does|do} {it|they} come in",
    "{doesnt|dont|didnt} {come|comes} in",
    "is it available in",
    "{is|are} there {a|an|any} * {version|option|size|model|kit|set|refill|bundle|colour|color|range|alternative}",
    "{wish|hope} {you|they|it|there|yall} {had|sold|made|offered|did|carried|stocked|would|came|was|were|could}",
    "{wish|hope} * {offered|sold|stocked|did|had} {a|an|more|some|bigger|smaller|longer}",
    "if you {had|sold|made|offered|did|stocked|carried} {a|an|it|them|more|some}",
    "{would|id|wed} {love|like|buy|pay|get} {a|an|to see|to have|to get|it in|more|some|if you|one in|them in}",
    "{would|id|wed} {definitely|happily|totally|gladly} {buy|pay|get|order}",
    "any {chance|plans|plan}",
    "^ {any|anything}", // "Any petite fits coming?", "anything in memory foam for these?"
    "would you ever {sell|do|carry|stock|make|offer|bring}",
    "{can|could} i {buy|get|order|pick|move|swap|skip|choose|add|have}",
    "{can|could} you {get|let me|wrap|ship|send|do|make|sell|stock|offer|add}",
    "{wish|hope} the * {came|come|had|was}",
    "{wish|hope} there {was|were|is}",
    "if you {had|did|sold|stocked|made} {them|one|it|that|those}",
    "{id|i would|we would|wed} {buy|pay|order|switch|sign up}",
    "looked everywhere",
    "{dont|doesnt} seem to {stock|sell|have|do|carry|offer}",
    "{is|are} there {a|an|any|anything|some}",
    "{is|are} {it|they} {available|coming}",
    "{coming|available} in",
    "please {add|make|bring|stock|offer|do|sell|start}",
    "{should|could} {offer|sell|make|do|add|stock|bring out|start}",
    "{need|want|looking for|after} {a|an} * {version|option|size|model|kit|set|refill|refills|bundle|pack|colour|color|"
    "range|alternative|variant}",
    "{cant|couldnt} find {a|an|any|one}",
    "{bigger|larger|smaller|longer|shorter|lighter|cheaper|wider|narrower|taller} {version|one|size|option|model}",
    "{more|other|different} {colours|colors|sizes|options|flavours|flavors|scents|lengths|styles|versions}",
    "{no|not an|not a} option {for|to}",
    "{refill|refills|spare|spares|replacement|replacements} {pack|packs|part|parts} {available|option}",
    "sell {spare|spares|refills|replacement|replacements|parts}",
};

// Praise written with a negation, read before the complaints that the negation would find.
const std::vector<std::string_view> kPraiseIdioms{
    "no {complaint|complaints|problem|problems|issue|issues|regrets}",
    "not a single {problem|issue|complaint}",
    "never {had|been} * {problem|issue|trouble}",
    "{cant|couldnt} {fault|complain|be happier|ask for}",
    "{cant|couldnt} recommend {it|them|this|these|enough}",
    "{cant|couldnt} {believe|get over} how {good|well|nice|comfy|soft|easy|quick|fast}",
    "{nothing|not much} to {complain|fault}",
    "{didnt|doesnt|wont} {disappoint|let me down}",
    // A failure denied: "never leaks", "hasn't faded once".
    "{never|doesnt|didnt|hasnt|havent|wont|isnt|wasnt|not|nothing|no} {once|even|ever|yet|a|one|at all} "
    "{leak|leaked|leaks|drip|spill|broke|broken|break|snap|snapped|crack|cracked|split|rip|ripped|tear|tore|fray|fade|"
    "faded|shrink|shrank|shrunk|pill|pilled|peel|peeled|rust|rusted|wobble|wobbled|squeak|squeaked|rattle|fail|failed|"
    "jam|jammed|stick|stuck|overheat|overheated|itch|itched|sting|stung|smell|smelled|disconnect|"
    "dropped|drop|slip|slipped|sag|sagged|crash|crashed|freeze|froze|itchy|itch|scratch|scratchy|tight|baggy|loose|"
    "tore|torn|cling|clings|stick|sticks|flat|bulky|heavy|greasy|sticky}",
    "{never|doesnt|didnt|hasnt|havent|wont|isnt|wasnt|not|nothing} "
    "{leak|leaked|leaks|drip|spill|broke|broken|break|snap|snapped|crack|cracked|split|rip|ripped|tear|tore|fray|fade|"
    "faded|shrink|shrank|shrunk|pill|pilled|peel|peeled|rust|rusted|wobble|wobbled|squeak|squeaked|rattle|fail|failed|"
    "jam|jammed|stick|stuck|overheat|overheated|itch|itched|sting|stung|smell|smelled|disconnect|"
    "dropped|drop|slip|slipped|sag|sagged|crash|crashed|freeze|froze|itchy|itch|scratch|scratchy|tight|baggy|loose|"
    "tore|torn|cling|clings|stick|sticks|flat|bulky|heavy|greasy|sticky}",
};

// Something the customer has or tried fails, hurts or disappoints.
const std::vector<std::string_view> kComplaint{
    "{not|never|doesnt|dont|didnt|wont|cant|couldnt|isnt|wasnt|arent|werent|hasnt|havent|wouldnt|no longer|barely|"
    "neither|nor}", // not "hardly": its stem is "hard"
    "{broke|broken|break|snap|snapped|crack|cracked|split|rip|ripped|tear|tore|torn|fray|frayed|burst|bust|bent|dent|"
    "dented|chip|chipped|shatter|smash|smashed|crush|crushed|damage|damaged|scratch|scratched|scuff|scuffed|wear|worn}",
    "{leak|drip|spill|seep|soak|flood}",
    "fell {apart|off|out|over}",
    "{came|come|comes|coming} {off|apart|loose|undone|away|out}",
    "{stop|stopped|quit|died|dead|dying|dies|fail|failed|failure|fault|faulty|defect|defective|glitch|bug|bugs|crash|"
    "crashes|freeze|froze|frozen|lag|drop|drops|dropped|disconnect|cut out|cuts out}",
    "{useless|rubbish|junk|garbage|trash|crap|cheap|cheaply|flimsy|shoddy|poor|poorly|bad|badly|awful|terrible|"
    "horrible|"
    "horrid|dreadful|worst|worse|nasty|gross|disgusting|ridiculous|pathetic|joke|mess|disaster|nightmare|pain|hassle|"
    "headache|struggle|chore}",
    "{hate|hated|annoy|annoying|annoyed|frustrat|frustrating|frustrated|disappoint|disappointing|disappointed|upset|"
    "angry|furious|fed up|gutted|sad|unhappy|regret|shame|shocked|confused|confusing|worried|scared|embarrassed}",
    "{return|returned|returning|refund|refunded|exchange|send it back|sent it back|sending it back|take it back|took "
    "it "
    "back}",
    "{too|way too|far too} {big|small|tight|loose|short|long|heavy|thin|thick|hot|cold|loud|bright|dim|slow|fast|"
    "expensive|pricey|much|little|stiff|hard|soft|weak|strong|sticky|greasy|oily|dry|narrow|wide|bulky|fiddly|"
    "complicated|noisy|sweet|salty|bitter|strong}",
    "{hard|difficult|impossible|tricky|awkward|fiddly|confusing} to",
    "{problem|problems|issue|issues|trouble|complaint|fault|flaw|downside|catch|niggle}",
    "{took|takes|taking} {ages|forever|weeks|days|months}",
    "{wrong|missing|lost|late|delay|delayed|slow|never arrived|never came|not arrived|still "
    "waiting}",
    "{expensive|overpriced|pricey|rip off|ripoff|extortionate|steep|costly|not worth|waste of money|daylight robbery}",
    "{wobble|wobbly|squeak|squeaky|squeal|rattle|rattling|creak|creaky|buzz|hum|whine|noisy|loud|smell|smelly|stink|"
    "stinks|stank|reek|odour|odor|fume|fumes}",
    "{itch|itchy|rash|sting|stinging|burn|burning|burnt|hurt|hurts|sore|pain|painful|blister|blisters|irritat|"
    "irritated|redness|breakout|breakouts|broke out|allergic|reaction|sick}",
    "{uncomfortable|unstable|unreliable|unusable|unsafe|unwearable|useless|pointless|inaccurate|inconsistent}",
    "{fade|faded|fades|shrink|shrank|shrunk|shrinks|stretch|stretched|pill|pills|pilling|bobbly|bobble|peel|peeling|"
    "peeled|flake|flaking|rust|rusty|rusted|mould|mold|stain|stained|warp|warped|melt|melted|jam|jammed|jams|stuck|"
    "clog|clogged|tangle|tangled|sag|sagging|saggy|lumpy|overheat|overheats|overheating}",
    "{had to|have to|having to} {use|hold|tape|glue|fix|buy|replace|return|send|keep|wait|ring|call}",
    "{only|barely} {lasted|lasts|works|worked}",
    "{lasted|lasts} {only|just|about|a} * {day|days|week|weeks|month|months|hour|hours|minute|minutes}",
    "{gave|give|gives} {up|out|way}",
    "{nothing like|not like|not what|not as|different from|different to} * {picture|pictures|photo|photos|advert|"
    "description|described|expected|shown}",
    "{rather|would rather|prefer} * {not|never}",
    "{why|how come} {does|did|is|was|do|doesnt|cant|wont}",
    "{can|could} {you|they} {fix|sort|improve|change|make it}",
    "{should|shouldnt} {have|be|not}",
};

// Praise: a part or the whole works, pleases, lasts.
const std::vector<std::string_view> kPraise{
    "{love|loved|loving|adore|adored|obsessed}",
    "{great|perfect|perfectly|brilliant|excellent|fantastic|amazing|awesome|superb|lovely|gorgeous|beautiful|"
    "wonderful|outstanding|incredible|stunning|impressive|fab|fabulous|ace|cracking|terrific|flawless|solid|sturdy|"
    "reliable|spot on|bang on|top notch|first class|five stars|recommend}",
    "{happy|pleased|impressed|delighted|thrilled|chuffed|satisfied|glad}",
    "{spot on|just right|accurate|beautifully|nicest|gorgeous|cosy|cozy|toasty|crisp|unreal|safe|instantly|effortless|"
    "effortlessly|smoothly|seamless|seamlessly|bliss|heaven|heavenly|dreamy|a dream to}",
    "like {a glove|butter|a dream|magic|a charm|new}",
    "{slide|slides|glide|glides|lifts|lift} {right|straight|off|out}",
    "{razor|super|really|wicked} sharp",
    "blew me away",
    "in a good way",
    "{goes|go|went|lasts|lasted} for {days|ages|hours|weeks}",
    "{keeps|kept} going",
    "{outlasts|outlasted|outperforms}",
    "still {had|have|has|going|works|working|looks|like new|fine}",
    "{so|really|super|very|lovely and|nice and} {soft|warm|light|quiet|sharp|clear|rich|full|bright|strong|solid|"
    "sturdy|comfy|comfortable|smooth|quick|fast|easy|simple}",
    "{works|worked|working} {great|perfectly|fine|well|brilliantly|a treat|a charm|like a charm|wonders}",
    "just works",
    "{really|so|very|super|nice and} {good|nice|well|comfy|comfortable|soft|easy|quick|fast|light|quiet|warm|sharp|"
    "smooth|sturdy|cosy|cozy}",
    "best * {ever|bought|purchase|thing}",
    "true to size",
    "{lasts|lasted|last} {ages|forever|all|for ages|for days|for weeks|well}",
    "holds up",
    "well made",
    "worth {every|it|the money|the price}",
    "{comfy|comfortable|cosy|cozy} * {all day|for hours}",
    "{fits|fit} {perfectly|like a glove|well|great|beautifully}",
    "{arrived|came|delivered} {early|quickly|fast|next day|the next day|on time|ahead}",
    "{no|zero} {fuss|hassle}",
    "{easy|simple|quick|painless} to",
};

// NOLINTEND(bugprone-suspicious-missing-comma)

std::vector<std::string> splitAlternatives(std::string_view group) {
    std::vector<std::string> out;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= group.size(); ++i) {
        if (i == group.size() || group[i] == '|') {
            out.emplace_back(group.substr(start, i - start));
            start = i + 1;
        }
    }
    return out;
}

} // namespace

std::optional<Bucket> bucketOf(IntentKind kind) {
    switch (kind) {
    case IntentKind::Fix:
        return Bucket::Fix;
    case IntentKind::Fill:
        return Bucket::Fill;
    case IntentKind::Future:
        return Bucket::Future;
    case IntentKind::Praise:
    case IntentKind::Context:
        return std::nullopt;
    }
    return std::nullopt;
}

IntentReader::CueList IntentReader::compile(Stemmer& stemmer, const std::vector<std::string_view>& cues) {
    // An alternative of several words ("send it back") becomes a cue of its own, so each
    // position of a cue holds single words.
    std::vector<Cue> out;
    for (auto cue : cues) {
        const bool anchored = cue.starts_with("^ ");
        if (anchored) {
            cue.remove_prefix(2);
        }
        std::size_t at = 0;
        std::vector<std::vector<std::vector<std::string>>> expanded{{}}; // the cue's expansions so far
        while (at < cue.size()) {
            while (at < cue.size() && cue[at] == ' ') {
                ++at;
            }
            if (at >= cue.size()) {
                break;
            }
            std::vector<std::string> alternatives;
            if (cue[at] == '{') {
                const auto close = cue.find('}', at);
                alternatives = splitAlternatives(cue.substr(at + 1, close - at - 1));
                at = close + 1;
            } else {
                auto end = cue.find(' ', at);
                end = end == std::string_view::npos ? cue.size() : end;
                alternatives.emplace_back(cue.substr(at, end - at));
                at = end;
            }
            // Single-word alternatives share one position; each multi-word one forks.
            std::vector<std::string> single;
            std::vector<std::vector<std::string>> multi;
            for (const auto& alternative : alternatives) {
                auto wordsOf = words(alternative);
                if (alternative == "*") {
                    wordsOf = {"*"};
                }
                if (wordsOf.size() == 1) {
                    single.push_back(wordsOf[0] == "*" ? "*" : stemmer.stem(wordsOf[0]));
                } else {
                    std::vector<std::string> stems;
                    stems.reserve(wordsOf.size());
                    for (const auto& w : wordsOf) {
                        stems.push_back(stemmer.stem(w));
                    }
                    multi.push_back(std::move(stems));
                }
            }
            std::vector<std::vector<std::vector<std::string>>> next;
            for (const auto& prefix : expanded) {
                if (!single.empty()) {
                    auto with = prefix;
                    with.push_back(single == std::vector<std::string>{"*"} ? std::vector<std::string>{} : single);
                    next.push_back(std::move(with));
                }
                for (const auto& sequence : multi) {
                    auto with = prefix;
                    for (const auto& stem : sequence) {
                        with.push_back({stem});
                    }
                    next.push_back(std::move(with));
                }
            }
            expanded = std::move(next);
        }
        for (auto& tokens : expanded) {
            out.push_back({std::move(tokens), anchored});
        }
    }
    CueList list;
    for (std::size_t i = 0; i < out.size(); ++i) {
        if (out[i].tokens.empty() || out[i].tokens.front().empty()) {
            list.startingWithAGap.push_back(i);
            continue;
        }
        for (const auto& stem : out[i].tokens.front()) {
            list.byFirstStem[stem].push_back(i);
        }
    }
    list.cues = std::move(out);
    return list;
}

IntentReader::IntentReader()
    : m_future(compile(m_stemmer, kFuture)), m_remedy(compile(m_stemmer, kRemedy)), m_fill(compile(m_stemmer, kFill)),
      m_idioms(compile(m_stemmer, kPraiseIdioms)), m_praise(compile(m_stemmer, kPraise)),
      m_complaint(compile(m_stemmer, kComplaint)) {
}

std::optional<std::size_t> IntentReader::matchFrom(const Cue& cue, std::size_t position, std::size_t at,
                                                   const std::vector<std::string>& stems) {
    if (position == cue.tokens.size()) {
        return at;
    }
    const auto& accepted = cue.tokens[position];
    if (accepted.empty()) {
        for (std::size_t skip = 0; skip <= 3 && at + skip <= stems.size(); ++skip) {
            if (const auto end = matchFrom(cue, position + 1, at + skip, stems)) {
                return end;
            }
        }
        return std::nullopt;
    }
    if (at >= stems.size() || std::find(accepted.begin(), accepted.end(), stems[at]) == accepted.end()) {
        return std::nullopt;
    }
    return matchFrom(cue, position + 1, at + 1, stems);
}

std::optional<std::string> IntentReader::find(const CueList& list, const std::vector<std::string>& stems,
                                              const std::vector<std::string>& folded) {
    for (std::size_t at = 0; at < stems.size(); ++at) {
        // The cues that can begin here, in the order the list gives them.
        std::vector<std::size_t> candidates = list.startingWithAGap;
        if (const auto it = list.byFirstStem.find(stems[at]); it != list.byFirstStem.end()) {
            candidates.insert(candidates.end(), it->second.begin(), it->second.end());
            std::sort(candidates.begin(), candidates.end());
        }
        for (const auto i : candidates) {
            const Cue& cue = list.cues[i];
            if (cue.anchored && at > 0) {
                continue;
            }
            if (const auto end = matchFrom(cue, 0, at, stems)) {
                // The customer's words that matched, for the reason a person reads.
                std::string said;
                for (std::size_t k = at; k < *end; ++k) {
                    said += (k == at ? "" : " ") + folded[k];
                }
                return said;
            }
        }
    }
    return std::nullopt;
}

Intent IntentReader::read(std::string_view text, bool statement) {
    const auto folded = words(fold(text));
    std::vector<std::string> stems;
    stems.reserve(folded.size());
    for (const auto& w : folded) {
        stems.push_back(m_stemmer.stem(w));
    }
    if (auto cue = find(m_future, stems, folded)) {
        return {IntentKind::Future, std::move(*cue), 0.8};
    }
    if (auto cue = find(m_remedy, stems, folded)) {
        return {IntentKind::Fix, std::move(*cue), 0.7};
    }
    if (auto cue = find(m_fill, stems, folded)) {
        return {IntentKind::Fill, std::move(*cue), 0.8};
    }
    // Praise, then a complaint after "but": "No issues with delivery but the zip broke".
    const auto complaintAfterBut = [&]() -> std::optional<std::string> {
        for (std::size_t i = 0; i < folded.size(); ++i) {
            const auto& w = folded[i];
            if (w == "but" || w == "except" || w == "though" || w == "although" || w == "however") {
                const std::vector<std::string> tailStems(stems.begin() + static_cast<std::ptrdiff_t>(i) + 1,
                                                         stems.end());
                const std::vector<std::string> tailWords(folded.begin() + static_cast<std::ptrdiff_t>(i) + 1,
                                                         folded.end());
                return find(m_complaint, tailStems, tailWords);
            }
        }
        return std::nullopt;
    };
    // Praise said with a negation ("no complaints") before the complaints that would misread it.
    if (auto cue = find(m_idioms, stems, folded)) {
        if (auto complaint = complaintAfterBut()) {
            return {IntentKind::Fix, std::move(*complaint), 0.7};
        }
        return {IntentKind::Praise, std::move(*cue), 0.7};
    }
    if (auto cue = find(m_complaint, stems, folded)) {
        return {IntentKind::Fix, std::move(*cue), 0.7};
    }
    if (auto cue = find(m_praise, stems, folded)) {
        return {IntentKind::Praise, std::move(*cue), 0.7};
    }
    if (statement) {
        return {IntentKind::Fix, {}, 0.4};
    }
    return {};
}

} // namespace earmark::core::analysis
