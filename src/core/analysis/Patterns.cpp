#include "core/analysis/Patterns.h"

#include <algorithm>
#include <cmath>
#include <set>

namespace earmark::core::analysis {

PatternIndex::PatternIndex(PatternOptions options, Lexicon lexicon)
    : m_options(options), m_lexicon(std::move(lexicon)) {
}

std::vector<int> PatternIndex::featuresOf(const std::string& text) {
    const auto stems = m_lexicon.terms(text, m_stemmer);
    std::vector<int> features;
    const auto idOf = [this](const std::string& key) {
        auto [it, inserted] = m_featureIds.try_emplace(key, static_cast<int>(m_df.size()));
        if (inserted) {
            m_df.push_back(0);
        }
        return it->second;
    };
    for (std::size_t i = 0; i < stems.size(); ++i) {
        features.push_back(idOf(stems[i]));
        if (i + 1 < stems.size()) {
            // Word pairs tell "strap tore" from "strap too short".
            features.push_back(idOf(stems[i] + ' ' + stems[i + 1]));
        }
    }
    return features;
}

std::pair<std::int64_t, double> PatternIndex::match(const std::string& text) {
    const auto stems = m_lexicon.terms(text, m_stemmer);
    std::vector<int> features;
    const auto known = [&](const std::string& key) {
        // A feature the index has never seen is in no group: it cannot bring the text closer.
        if (const auto it = m_featureIds.find(key); it != m_featureIds.end()) {
            features.push_back(it->second);
        }
    };
    for (std::size_t i = 0; i < stems.size(); ++i) {
        known(stems[i]);
        if (i + 1 < stems.size()) {
            known(stems[i] + ' ' + stems[i + 1]);
        }
    }
    Doc doc;
    doc.vector = weigh(features);
    doc.intent = m_intents.read(text).kind;
    return doc.vector.empty() ? std::pair<std::int64_t, double>{-1, 0.0} : bestGroup(doc);
}

IntentKind PatternIndex::Centre::intent() const {
    std::size_t most = 0;
    auto kind = IntentKind::Context;
    for (std::size_t k = 0; k < intents.size(); ++k) {
        if (static_cast<IntentKind>(k) != IntentKind::Context && intents[k] > most) {
            most = intents[k];
            kind = static_cast<IntentKind>(k);
        }
    }
    return kind;
}

// Praise, problems and hopes are never one pattern. A complaint about what is there and a
// request for what is not are kept together: they are often one need said two ways
// ("the spare straps are impossible to find" / "do you sell spare straps?"), and the
// intent reader tells them apart less surely than it tells them from praise.
bool PatternIndex::compatible(IntentKind a, IntentKind b) {
    const auto side = [](IntentKind k) { return k == IntentKind::Fill ? IntentKind::Fix : k; };
    return side(a) == side(b) || a == IntentKind::Context || b == IntentKind::Context;
}

double PatternIndex::idf(int feature) const {
    const double df = m_df[static_cast<std::size_t>(feature)];
    return std::log((static_cast<double>(m_docCount) + 1.0) / (df + 1.0)) + 1.0;
}

PatternIndex::Vector PatternIndex::weigh(const std::vector<int>& features) const {
    std::map<int, int> counts;
    for (const int f : features) {
        // A feature no other text has cannot bring two texts together; leaving it out
        // keeps one-off words from diluting the ones that are shared.
        if (m_df[static_cast<std::size_t>(f)] >= 2) {
            ++counts[f];
        }
    }
    Vector vector;
    vector.reserve(counts.size());
    double norm2 = 0;
    for (const auto& [f, n] : counts) {
        const double w = (1.0 + std::log(static_cast<double>(n))) * idf(f);
        vector.emplace_back(f, w);
        norm2 += w * w;
    }
    const double norm = std::sqrt(norm2);
    for (auto& [f, w] : vector) {
        w /= norm;
    }
    return vector;
}

double PatternIndex::similarity(const Doc& doc, const Centre& centre) const {
    if (centre.norm2 <= 0 || doc.vector.empty()) {
        return 0;
    }
    double dot = 0;
    for (const auto& [f, w] : doc.vector) {
        if (const auto it = centre.sum.find(f); it != centre.sum.end()) {
            dot += w * it->second;
        }
    }
    return dot / std::sqrt(centre.norm2);
}

std::pair<std::int64_t, double> PatternIndex::bestGroup(const Doc& doc, std::int64_t except) const {
    // Candidates: groups that share one of the text's three strongest features.
    std::vector<std::pair<double, int>> strongest;
    for (const auto& [f, w] : doc.vector) {
        strongest.emplace_back(-w, f);
    }
    std::sort(strongest.begin(), strongest.end());
    strongest.resize(std::min<std::size_t>(strongest.size(), 3));
    std::vector<std::int64_t> candidates;
    for (const auto& [w, f] : strongest) {
        const auto it = m_postings.find(f);
        if (it == m_postings.end()) {
            continue;
        }
        const auto& groups = it->second;
        const std::size_t n = std::min(groups.size(), m_options.maxCandidatesPerFeature);
        candidates.insert(candidates.end(), groups.begin(), groups.begin() + static_cast<std::ptrdiff_t>(n));
    }
    std::sort(candidates.begin(), candidates.end());
    candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
    std::pair<std::int64_t, double> best{-1, 0.0};
    for (const std::int64_t g : candidates) {
        if (g == except || !compatible(doc.intent, m_groups.at(g).intent())) {
            continue;
        }
        const double s = similarity(doc, m_groups.at(g));
        if (s > best.second + 1e-12) { // ties keep the lower group id (candidates are sorted)
            best = {g, s};
        }
    }
    return best;
}

std::pair<std::int64_t, double> PatternIndex::nearestText(const Doc& doc) const {
    // Texts are compared on their distinct features with today's weights: a word only the
    // twin had was left out of its vector when it was weighed, and now that two texts have
    // it, it counts. No allocation per text: a merge walk over two sorted lists.
    const auto weight2 = [this](int f) {
        if (m_df[static_cast<std::size_t>(f)] < 2) {
            return 0.0;
        }
        const double w = idf(f);
        return w * w;
    };
    double mine = 0;
    for (const int f : doc.features) {
        mine += weight2(f);
    }
    if (mine <= 0) {
        return {-1, 0.0};
    }
    // Candidates: groups holding one of the text's three rarest shared features (a twin
    // has them all). Large groups are read up to a bound, so one save stays cheap however
    // big the workspace.
    std::vector<std::pair<double, int>> rarest;
    for (const int f : doc.features) {
        if (m_postings.contains(f)) {
            rarest.emplace_back(-idf(f), f);
        }
    }
    std::sort(rarest.begin(), rarest.end());
    rarest.resize(std::min<std::size_t>(rarest.size(), 3));
    std::vector<std::int64_t> groups;
    for (const auto& [w, f] : rarest) {
        const auto& list = m_postings.at(f);
        groups.insert(groups.end(), list.begin(),
                      list.begin() +
                          static_cast<std::ptrdiff_t>(std::min(list.size(), m_options.maxCandidatesPerFeature)));
    }
    std::sort(groups.begin(), groups.end());
    groups.erase(std::unique(groups.begin(), groups.end()), groups.end());
    constexpr std::size_t kMembersPerGroup = 2000;
    std::pair<std::int64_t, double> best{-1, 0.0};
    for (const std::int64_t g : groups) {
        if (!compatible(doc.intent, m_groups.at(g).intent())) {
            continue;
        }
        const auto& members = m_groups.at(g).members;
        for (std::size_t i = 0; i < members.size() && i < kMembersPerGroup; ++i) {
            const auto& other = m_docs.at(members[i]).features;
            double dot = 0;
            double theirs = 0;
            auto a = doc.features.begin();
            for (const int f : other) {
                const double w2 = weight2(f);
                theirs += w2;
                while (a != doc.features.end() && *a < f) {
                    ++a;
                }
                if (a != doc.features.end() && *a == f) {
                    dot += w2;
                }
            }
            if (theirs <= 0) {
                continue;
            }
            const double cosine = dot / std::sqrt(mine * theirs);
            if (cosine > best.second + 1e-12) {
                best = {members[i], cosine};
            }
        }
    }
    return best;
}

std::int64_t PatternIndex::newGroup() {
    const std::int64_t g = m_nextGroup++;
    m_groups.emplace(g, Centre{});
    return g;
}

void PatternIndex::join(std::int64_t id, Doc& doc, std::int64_t group) {
    Centre& centre = m_groups.at(group);
    for (const auto& [f, w] : doc.vector) {
        auto [it, inserted] = centre.sum.try_emplace(f, 0.0);
        const double before = it->second;
        it->second += w;
        centre.norm2 += it->second * it->second - before * before;
        if (inserted) {
            m_postings[f].push_back(group);
        }
    }
    centre.members.push_back(id);
    ++centre.intents[static_cast<std::size_t>(doc.intent)];
    doc.group = group;
}

void PatternIndex::leave(std::int64_t id, Doc& doc) {
    if (doc.group < 0) {
        return;
    }
    const std::int64_t group = doc.group;
    Centre& centre = m_groups.at(group);
    for (const auto& [f, w] : doc.vector) {
        auto it = centre.sum.find(f);
        const double before = it->second;
        it->second -= w;
        centre.norm2 += it->second * it->second - before * before;
        if (std::abs(it->second) < 1e-9) {
            centre.norm2 -= it->second * it->second;
            centre.sum.erase(it);
            auto& posting = m_postings[f];
            posting.erase(std::remove(posting.begin(), posting.end(), group), posting.end());
        }
    }
    centre.members.erase(std::remove(centre.members.begin(), centre.members.end(), id), centre.members.end());
    --centre.intents[static_cast<std::size_t>(doc.intent)];
    if (centre.members.empty()) {
        for (const auto& [f, w] : centre.sum) {
            auto& posting = m_postings[f];
            posting.erase(std::remove(posting.begin(), posting.end(), group), posting.end());
        }
        m_groups.erase(group);
    } else if (centre.norm2 < 0) {
        centre.norm2 = 0;
    }
    doc.group = -1;
}

void PatternIndex::place(std::int64_t id, Doc& doc) {
    const auto [group, score] = bestGroup(doc);
    join(id, doc, group >= 0 && score >= m_options.joinThreshold ? group : newGroup());
}

void PatternIndex::build(const std::vector<TextDoc>& docs) {
    m_docs.clear();
    m_groups.clear();
    m_postings.clear();
    m_featureIds.clear();
    m_df.clear();
    m_docCount = 0;
    m_nextGroup = 0;
    for (const auto& text : docs) {
        Doc doc;
        doc.features = featuresOf(text.text);
        doc.intent = m_intents.read(text.text).kind;
        std::sort(doc.features.begin(), doc.features.end());
        doc.features.erase(std::unique(doc.features.begin(), doc.features.end()), doc.features.end());
        for (const int f : doc.features) {
            ++m_df[static_cast<std::size_t>(f)];
        }
        ++m_docCount;
        m_docs[text.id] = std::move(doc);
    }
    // Weights need every document frequency, so vectors come after the counting pass.
    // featuresOf() is run again rather than kept, to keep term counts for the weights.
    for (const auto& text : docs) {
        Doc& doc = m_docs.at(text.id);
        doc.vector = weigh(featuresOf(text.text));
    }
    for (auto& [id, doc] : m_docs) {
        place(id, doc);
    }
    refine();
    mergeSimilar();
}

void PatternIndex::refine() {
    for (int pass = 0; pass < m_options.refinePasses; ++pass) {
        bool moved = false;
        for (auto& [id, doc] : m_docs) {
            const std::int64_t current = doc.group;
            const double stay = similarity(doc, m_groups.at(current));
            const auto [group, score] = bestGroup(doc, current);
            // Moving needs a clear gain, so texts don't oscillate between passes.
            if (group >= 0 && score >= m_options.joinThreshold && score > stay + 0.02) {
                leave(id, doc);
                join(id, doc, group);
                moved = true;
            }
        }
        if (!moved) {
            break;
        }
    }
}

void PatternIndex::mergeSimilar() {
    // Compare each group's centre with the groups sharing its strongest features; merge
    // the smaller into the larger. Repeats until nothing merges.
    bool merged = true;
    while (merged) {
        merged = false;
        std::vector<std::int64_t> ids;
        ids.reserve(m_groups.size());
        for (const auto& [g, centre] : m_groups) {
            ids.push_back(g);
        }
        for (const std::int64_t g : ids) {
            const auto it = m_groups.find(g);
            if (it == m_groups.end()) {
                continue;
            }
            Doc asDoc; // the centre as a unit vector, saying what its group says
            asDoc.intent = it->second.intent();
            const double norm = std::sqrt(it->second.norm2);
            if (norm <= 0) {
                continue;
            }
            for (const auto& [f, w] : it->second.sum) {
                asDoc.vector.emplace_back(f, w / norm);
            }
            std::sort(asDoc.vector.begin(), asDoc.vector.end());
            const auto [other, score] = bestGroup(asDoc, g);
            if (other < 0 || score < m_options.mergeThreshold) {
                continue;
            }
            const bool keepThis = it->second.members.size() > m_groups.at(other).members.size() ||
                                  (it->second.members.size() == m_groups.at(other).members.size() && g < other);
            const std::int64_t from = keepThis ? other : g;
            const std::int64_t into = keepThis ? g : other;
            const auto members = m_groups.at(from).members;
            for (const std::int64_t id : members) {
                Doc& doc = m_docs.at(id);
                leave(id, doc);
                join(id, doc, into);
            }
            merged = true;
        }
    }
}

void PatternIndex::update(const std::vector<std::int64_t>& removed, const std::vector<TextDoc>& added) {
    for (const std::int64_t id : removed) {
        const auto it = m_docs.find(id);
        if (it == m_docs.end()) {
            continue;
        }
        leave(id, it->second);
        for (const int f : it->second.features) {
            --m_df[static_cast<std::size_t>(f)];
        }
        --m_docCount;
        m_docs.erase(it);
    }
    std::vector<std::int64_t> fresh;
    for (const auto& text : added) {
        if (const auto it = m_docs.find(text.id); it != m_docs.end()) {
            leave(text.id, it->second); // a changed text: count it again
            for (const int f : it->second.features) {
                --m_df[static_cast<std::size_t>(f)];
            }
            --m_docCount;
            m_docs.erase(it);
        }
        Doc doc;
        const auto features = featuresOf(text.text);
        doc.features = features;
        doc.intent = m_intents.read(text.text).kind;
        std::sort(doc.features.begin(), doc.features.end());
        doc.features.erase(std::unique(doc.features.begin(), doc.features.end()), doc.features.end());
        for (const int f : doc.features) {
            ++m_df[static_cast<std::size_t>(f)];
        }
        ++m_docCount;
        doc.vector = weigh(features);
        m_docs[text.id] = std::move(doc);
        fresh.push_back(text.id);
    }
    for (const std::int64_t id : fresh) {
        Doc& doc = m_docs.at(id);
        const auto [group, score] = bestGroup(doc);
        if (group >= 0 && score >= m_options.joinThreshold) {
            join(id, doc, group);
            continue;
        }
        // A group merged from smaller ones has a centre that can sit far from each of its
        // texts; one that nearly repeats a text of it still belongs with it. (Mining has
        // its refine and merge passes for this; one saved call does not.)
        const auto [twin, closeness] = nearestText(doc);
        join(id, doc, twin >= 0 && closeness >= m_options.twinThreshold ? m_docs.at(twin).group : newGroup());
    }
}

std::vector<Group> PatternIndex::groups(std::size_t minSize) const {
    std::vector<Group> out;
    for (const auto& [g, centre] : m_groups) {
        if (centre.members.size() >= minSize) {
            Group group;
            group.ids = centre.members;
            std::sort(group.ids.begin(), group.ids.end());
            out.push_back(std::move(group));
        }
    }
    std::sort(out.begin(), out.end(), [](const Group& a, const Group& b) {
        return a.ids.size() != b.ids.size() ? a.ids.size() > b.ids.size() : a.ids.front() < b.ids.front();
    });
    return out;
}

std::int64_t PatternIndex::groupOf(std::int64_t id) const {
    const auto it = m_docs.find(id);
    return it == m_docs.end() ? -1 : it->second.group;
}

PairScore pairwiseAgreement(const std::vector<std::int64_t>& predicted, const std::vector<std::int64_t>& truth) {
    // Pairs counted from the contingency table, not by enumerating pairs.
    const auto pairs = [](double n) { return n * (n - 1) / 2; };
    std::map<std::pair<std::int64_t, std::int64_t>, double> both;
    std::map<std::int64_t, double> byPredicted;
    std::map<std::int64_t, double> byTruth;
    for (std::size_t i = 0; i < predicted.size() && i < truth.size(); ++i) {
        ++both[{predicted[i], truth[i]}];
        ++byPredicted[predicted[i]];
        ++byTruth[truth[i]];
    }
    double together = 0;
    double predictedPairs = 0;
    double truePairs = 0;
    for (const auto& [key, n] : both) {
        together += pairs(n);
    }
    for (const auto& [key, n] : byPredicted) {
        predictedPairs += pairs(n);
    }
    for (const auto& [key, n] : byTruth) {
        truePairs += pairs(n);
    }
    PairScore score;
    score.precision = predictedPairs > 0 ? together / predictedPairs : 0;
    score.recall = truePairs > 0 ? together / truePairs : 0;
    score.f1 =
        score.precision + score.recall > 0 ? 2 * score.precision * score.recall / (score.precision + score.recall) : 0;
    return score;
}

} // namespace earmark::core::analysis
