#include "core/analysis/Rules.h"

namespace earmark::core::analysis {

namespace {

Rule rule(std::string name, std::optional<Bucket> bucket, double confidence, std::vector<std::string> phrases,
          std::vector<std::string> stems = {}, std::string tag = {}) {
    Rule r;
    r.name = std::move(name);
    r.bucket = bucket;
    r.confidence = confidence;
    r.phrases = std::move(phrases);
    r.stems = std::move(stems);
    r.tag = std::move(tag);
    r.builtin = true;
    return r;
}

} // namespace

// The cue phrases of each bucket, as the method describes them: Fix is a current product
// failing ("broke", "stopped working", "returned it because", "didn't fit"), Fill a gap in
// the line ("I wish you had", "do you sell", "I'd buy if"), Future a need hinted at
// ("someday", "it would be amazing if it could"). Confidence says how surely a cue
// means its bucket: "someday" almost always looks ahead; "problem" less surely means Fix.
std::vector<Rule> starterRules() {
    std::vector<Rule> rules;
    // Fix -----------------------------------------------------------------------------
    rules.push_back(rule("Something broke", Bucket::Fix, 0.7, {"fell apart", "came apart", "gave out", "gave way"},
                         {"break", "broke", "broken",  "snap", "tear",  "tore", "torn", "rip",    "split",
                          "crack", "fray",  "unravel", "leak", "drip",  "seep", "fade", "faulty", "defect",
                          "jam",   "peel",  "bleed",   "bled", "stain", "wore", "worn"}));
    rules.push_back(
        rule("Stopped working", Bucket::Fix, 0.75,
             {"stopped working", "doesn't work", "didn't work", "won't work", "not working", "came off", "came undone",
              "came loose", "fell off", "won't budge", "wouldn't go through", "did nothing", "won't zip"}));
    rules.push_back(rule("Returned it because", Bucket::Fix, 0.6,
                         {"returned it", "returned them", "return them", "sent it back", "send it back", "take it back",
                          "had to return", "sending it back", "sending an item back"}));
    rules.push_back(rule("Didn't fit", Bucket::Fix, 0.7,
                         {"didn't fit", "doesn't fit", "don't fit", "too small", "too big", "too tight", "too narrow",
                          "too short", "run small", "runs small", "run tiny", "run a full size", "size up", "sized up",
                          "a size smaller", "size too small", "way too tight", "size small"},
                         {"pinch", "squeez", "crush", "snug"}));
    rules.push_back(rule("Slow or late", Bucket::Fix, 0.6,
                         {"took forever", "take forever", "took ages", "took two weeks", "took longer", "took nearly",
                          "so long", "was late", "after the date", "sat in the warehouse", "to get here"},
                         {"slow", "delay", "wait"}));
    rules.push_back(rule("Confusing", Bucket::Fix, 0.6,
                         {"made no sense", "makes no sense", "couldn't work out", "couldn't figure out",
                          "couldn't tell", "hard to read", "no idea", "didn't know how", "don't know if", "not clear",
                          "doesn't say", "don't match", "gave up", "missing steps", "so bad"},
                         {"confus", "unclear", "vague", "useless"}));
    rules.push_back(rule("An error", Bucket::Fix, 0.65, {"payment error", "wouldn't process", "did nothing"},
                         {"error", "crash", "froze", "declined", "fail", "failed", "broken"}));
    rules.push_back(rule("Disappointed", Bucket::Fix, 0.5, {"shouldn't need", "cost me more", "had to pay"},
                         {"disappoint", "annoy", "nightmare", "hassle", "problem", "issue", "soaked", "drench", "wet",
                          "ache", "painful", "weak"}));
    rules.push_back(rule("Too heavy", Bucket::Fix, 0.6, {"too heavy", "weighs a ton", "weighs too much", "so heavy"},
                         {"heavy", "heavier", "bulky", "lug"}));
    rules.push_back(rule("Not waterproof", Bucket::Fix, 0.7,
                         {"not waterproof", "isn't waterproof", "let water", "let the rain", "water came through",
                          "rain went", "water resistant at best"}));
    Rule returners = rule("Returners' problems", Bucket::Fix, 0.5, {});
    returners.when.segments = {"returner"};
    returners.when.tagKinds = {TagKind::ProblemType};
    rules.push_back(std::move(returners));
    // Fill ----------------------------------------------------------------------------
    rules.push_back(rule("I wish you had", Bucket::Fill, 0.7,
                         {"wish you had", "wish you sold", "wish you made", "wish there was", "wish there were",
                          "wish the", "wish it came", "wish i could buy"}));
    rules.push_back(rule("Do you sell", Bucket::Fill, 0.75,
                         {"do you sell", "do you make", "do you carry", "do you have", "do you stock", "do you offer",
                          "is there a", "any plans for", "any chance of", "can i order", "can i buy",
                          "is there anywhere", "is there a replacement"}));
    rules.push_back(rule("I'd buy if", Bucket::Fill, 0.7,
                         {"i'd buy", "i would buy", "i'd have bought", "i'd pay", "i'd switch", "would have bought",
                          "we'd get", "i'd rather", "i'd keep", "if you sold", "if you made", "if you offered",
                          "if they came", "if they weren't"}));
    rules.push_back(
        rule("You should make", Bucket::Fill, 0.7,
             {"you should make", "you should sell", "you should offer", "please make", "please add", "please do",
              "please sell", "please offer", "should make", "should offer", "need a wider", "i need a"}));
    rules.push_back(rule("A version or option", Bucket::Fill, 0.55,
                         {"would love a", "would love these", "would love to buy", "in a wide"},
                         {"version", "option", "variant", "width", "replacement", "spare", "vegan"}));
    rules.push_back(
        rule("A gap in the range", Bucket::Fill, 0.6,
             {"there's no", "no option", "nothing for", "nothing in", "couldn't find one", "don't make",
              "doesn't come in", "isn't available", "no spare", "no vegan", "no wide", "range stops", "don't wear"}));
    Rule better = rule("Even better", Bucket::Fill, 0.55, {});
    better.when.questions = {"What would make it even better?", "What's still missing?"};
    rules.push_back(std::move(better));
    // Future --------------------------------------------------------------------------
    rules.push_back(rule("Someday", Bucket::Future, 0.85,
                         {"someday", "some day", "one day", "in the future", "the future", "dream"}));
    rules.push_back(rule("It would be amazing if", Bucket::Future, 0.75,
                         {"would be amazing", "would be cool", "would be great if", "would be incredible", "be amazing",
                          "be nice if", "be nice to", "be great if", "that'd be", "would be the", "would be perfect if",
                          "be incredible"}));
    rules.push_back(rule("Imagine", Bucket::Future, 0.8, {"imagine", "what if", "if it could", "if i could"}));
    rules.push_back(rule("Smart features", Bucket::Future, 0.5, {},
                         {"smart", "app", "gps", "solar", "sync", "tracker", "scan", "sensor"}));
    // Price mentions ------------------------------------------------------------------
    Rule price = rule("Price mention", std::nullopt, 0.7, {"too much money", "not worth"},
                      {"price", "pricey", "expensive", "cost", "cheap", "afford", "overpriced"}, "price");
    price.regexes = {R"([$£€]\s?\d)"};
    rules.push_back(std::move(price));
    return rules;
}

} // namespace earmark::core::analysis
