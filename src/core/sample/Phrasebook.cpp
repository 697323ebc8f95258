#include "core/sample/Phrasebook.h"

#include <array>

namespace earmark::core::phrasebook {

namespace {

using sv = std::string_view;

constexpr std::array<sv, 3> kZipper{"zipper", "zip", "main zip"};
constexpr std::array<sv, 3> kStrap{"shoulder strap", "strap", "shoulder straps"};
constexpr std::array<sv, 3> kHipBelt{"hip belt", "waist belt", "hipbelt"};
constexpr std::array<sv, 2> kBuckle{"buckle", "chest buckle"};
constexpr std::array<sv, 3> kFrame{"frame", "back frame", "internal frame"};
constexpr std::array<sv, 3> kHood{"hood", "jacket hood", "hood drawcord"};
constexpr std::array<sv, 3> kSeams{"seams", "taped seams", "seam tape"};
constexpr std::array<sv, 3> kCuffs{"cuffs", "velcro cuffs", "sleeve cuffs"};
constexpr std::array<sv, 3> kPocket{"chest pocket", "pocket", "side pocket"};
constexpr std::array<sv, 3> kSole{"sole", "outsole", "rubber sole"};
constexpr std::array<sv, 3> kLaces{"laces", "shoelaces", "bootlaces"};
constexpr std::array<sv, 3> kToeBox{"toe box", "toes", "front of the boot"};
constexpr std::array<sv, 3> kInsole{"insole", "footbed", "insoles"};
constexpr std::array<sv, 3> kLid{"lid", "cap", "bottle lid"};
constexpr std::array<sv, 2> kSeal{"seal", "gasket"};
constexpr std::array<sv, 3> kStraw{"straw", "straw lid", "bite valve"};
constexpr std::array<sv, 3> kBurner{"burner", "flame", "stove burner"};
constexpr std::array<sv, 3> kIgniter{"igniter", "piezo igniter", "push-button igniter"};
constexpr std::array<sv, 3> kPotSupports{"pot supports", "pot stand", "arms that hold the pot"};
constexpr std::array<sv, 3> kStuffSack{"stuff sack", "compression sack", "sack"};
constexpr std::array<sv, 3> kSizing{"sizing", "size chart", "sizes"};
constexpr std::array<sv, 3> kColour{"colour", "colours", "colour options"};
constexpr std::array<sv, 3> kInstructions{"instructions", "manual", "setup guide"};
constexpr std::array<sv, 3> kDelivery{"delivery", "shipping", "courier"};
constexpr std::array<sv, 3> kCheckout{"checkout", "payment page", "checkout page"};

constexpr std::array kParts{
    Part{"zipper", kZipper, "Trail packs"},
    Part{"shoulder strap", kStrap, "Trail packs"},
    Part{"hip belt", kHipBelt, "Trail packs"},
    Part{"buckle", kBuckle, "Trail packs"},
    Part{"frame", kFrame, "Trail packs"},
    Part{"hood", kHood, "Rain jackets"},
    Part{"seams", kSeams, "Rain jackets"},
    Part{"cuffs", kCuffs, "Rain jackets"},
    Part{"chest pocket", kPocket, "Rain jackets"},
    Part{"sole", kSole, "Hiking boots"},
    Part{"laces", kLaces, "Hiking boots"},
    Part{"toe box", kToeBox, "Hiking boots"},
    Part{"insole", kInsole, "Hiking boots"},
    Part{"lid", kLid, "Bottles"},
    Part{"seal", kSeal, "Bottles"},
    Part{"straw", kStraw, "Bottles"},
    Part{"burner", kBurner, "Camp stoves"},
    Part{"igniter", kIgniter, "Camp stoves"},
    Part{"pot supports", kPotSupports, "Camp stoves"},
    Part{"stuff sack", kStuffSack, "Sleeping bags"},
    Part{"sizing", kSizing, ""},
    Part{"colour", kColour, ""},
    Part{"instructions", kInstructions, ""},
    Part{"delivery", kDelivery, ""},
    Part{"checkout", kCheckout, ""},
};

constexpr std::array<sv, 8> kBroke{
    "the {part} broke after {time}",
    "{time} in and the {part} just snapped",
    "my {part} gave out after {time}",
    "the {part} stopped working after {time}",
    "I had the {part} fail on me {time} in",
    "the {part} came apart on my trip to {place}",
    "honestly the {part} falling apart after {time} was the last straw",
    "it was fine until the {part} broke, which was {time} in",
};
constexpr std::array<sv, 7> kFit{
    "the {part} didn't fit me at all",
    "I couldn't get the {part} to sit right",
    "the {part} runs small, I should have sized up",
    "the {part} was way too tight",
    "the fit of the {part} is just off for me",
    "the {part} rubbed until it hurt",
    "I returned it because the {part} didn't fit",
};
constexpr std::array<sv, 7> kLeak{
    "the {part} leaks",
    "water gets in through the {part}",
    "I was soaked because the {part} let the rain in",
    "the {part} isn't waterproof like it says",
    "after an hour of drizzle the {part} was wet through",
    "everything in my bag got damp, it came in at the {part}",
    "the {part} leaked all over my gear on a trip to {place}",
};
constexpr std::array<sv, 6> kConfusing{
    "the {part} was confusing",
    "I couldn't work out the {part}",
    "the {part} made no sense to me",
    "I had to watch a video to understand the {part}",
    "nobody in my family could figure out the {part}",
    "the {part} is honestly baffling",
};
constexpr std::array<sv, 6> kSlow{
    "the {part} took forever",
    "the {part} was so slow I nearly cancelled",
    "I waited two weeks because of the {part}",
    "the {part} was painfully slow",
    "honestly the {part} dragged on and on",
    "I almost gave up waiting on the {part}",
};
constexpr std::array<sv, 6> kHeavy{
    "the {part} is too heavy",
    "the {part} weighs a ton",
    "I could feel the weight of the {part} after {time}",
    "the {part} adds so much weight",
    "the {part} is heavier than it needs to be",
    "I'd love it if the {part} were lighter",
};
constexpr std::array<sv, 6> kWishSold{
    "I wish you sold a spare {part}",         "do you sell a replacement {part}",
    "I'd buy a second {part} if you had one", "I looked everywhere for a replacement {part} on your site",
    "why can't I order just the {part}",      "I would pay for an upgraded {part}",
};
constexpr std::array<sv, 6> kWishHad{
    "I wish the {part} came in more options",
    "I'd buy if you had a wider range of {part}",
    "it would be great if you offered a different {part}",
    "you should really do a women's version of the {part}",
    "I wanted a bigger {part} and you didn't have one",
    "I'd love a kids' version with the same {part}",
};
constexpr std::array<sv, 6> kFuture{
    "it would be amazing if the {part} could tell me when it needs fixing",
    "someday I'd like the {part} to adjust itself",
    "it would be amazing if the {part} could be swapped in seconds",
    "I'd love a {part} that I could repair myself on the trail",
    "imagine if the {part} could be recycled when it wears out",
    "someday every {part} should just work with my other gear",
};
constexpr std::array<sv, 6> kPrice{
    "the {part} felt too expensive for what it is",    "the price of the {part} put me off",
    "I found the {part} cheaper somewhere else",       "I couldn't justify paying that much for the {part}",
    "it was the cost of the {part} that made me stop", "the {part} is overpriced",
};
constexpr std::array<sv, 6> kLove{
    "I love the {part}",
    "the {part} is the best thing about it",
    "the {part} is brilliant, honestly",
    "I tell everyone about the {part}",
    "the {part} just works",
    "the {part} is why I bought it",
};
constexpr std::array<sv, 6> kHard{
    "the {part} is hard to use with gloves on",
    "I struggle to open the {part} with cold hands",
    "the {part} is fiddly",
    "I can never get the {part} to close properly",
    "the {part} jams all the time",
    "the {part} sticks every single time",
};

constexpr std::array kKinds{
    Kind{"broke", Bucket::Fix, kBroke},
    Kind{"doesn't fit", Bucket::Fix, kFit},
    Kind{"leaks", Bucket::Fix, kLeak},
    Kind{"confusing", Bucket::Fix, kConfusing},
    Kind{"slow", Bucket::Fix, kSlow},
    Kind{"too heavy", Bucket::Fix, kHeavy},
    Kind{"fiddly", Bucket::Fix, kHard},
    Kind{"wish you sold", Bucket::Fill, kWishSold},
    Kind{"wider range", Bucket::Fill, kWishHad},
    Kind{"someday", Bucket::Future, kFuture},
    Kind{"price", Bucket::Fix, kPrice},
    Kind{"delight", Bucket::Fill, kLove},
};

constexpr std::array<sv, 6> kProductLines{"Trail packs", "Rain jackets", "Hiking boots",
                                          "Bottles",     "Camp stoves",  "Sleeping bags"};

constexpr std::array<sv, 30> kFillers{
    "Bought it for a trip to {place} in {month}.",
    "Has been buying from us since {year}.",
    "Reached on the second try.",
    "Was walking the dog during the call, so it was a bit noisy.",
    "Mostly hikes at weekends.",
    "Ordered it as a gift for a daughter.",
    "Camps with two kids most summers.",
    "Compared us with two other brands before ordering.",
    "Found us through a friend's recommendation.",
    "Used it every day for {time}.",
    "Happy to talk, had clearly thought about it.",
    "Asked whether we would call again after the next order.",
    "Reads the reviews before every purchase.",
    "The order arrived in {month}.",
    "Does a long trip to {place} every year.",
    "Said the website was easy to find things on.",
    "Asked to keep it short, was at work.",
    "Had questions about the warranty.",
    "Would probably buy again.",
    "Used it on a school trip to {place}.",
    "Friendly call overall.",
    "Partner uses the same one.",
    "Asked about our repair service.",
    "Had read about us in a magazine.",
    "Laughed and said they are hard on their gear.",
    "Said the packaging was nice but wasteful.",
    "Wanted to know if we would bring back an older model.",
    "Bought a second one for a brother in {year}.",
    "Customer service had been helpful last time.",
    "Keen to share more if it helps.",
};

constexpr std::array<sv, 64> kFirstNames{
    "Sarah",  "James",  "Maria", "Wei",   "Aisha",  "Tom",    "Priya",  "Lucas",  "Emma",   "Kenji",   "Fatima",
    "Noah",   "Olivia", "Mateo", "Zoe",   "Daniel", "Chloé",  "Jonas",  "Ana",    "Samuel", "Grace",   "Ahmed",
    "Hannah", "Diego",  "Leah",  "Ravi",  "Mia",    "Oscar",  "Nora",   "Yuki",   "Ethan",  "Sofia",   "Liam",
    "Amara",  "Felix",  "Isla",  "Hugo",  "Maya",   "Tariq",  "Elena",  "Ben",    "Jasmin", "Carlos",  "Lena",
    "Omar",   "Ruth",   "Kai",   "Ines",  "Peter",  "Naledi", "Marcus", "Julia",  "Sven",   "Beatriz", "Arjun",
    "Claire", "Jamal",  "Freya", "Tomás", "Mei",    "Ivan",   "Lucy",   "Andrés", "Björn"};
constexpr std::array<sv, 32> kLastNames{
    "Miller",  "García", "Chen",  "Okafor",  "Smith",   "Müller", "Kowalski", "Nguyen",  "Patel", "Johansson", "Rossi",
    "Brown",   "Tanaka", "Silva", "Dubois",  "Khan",    "Murphy", "Larsen",   "Ibrahim", "Novak", "Costa",     "Wilson",
    "Fischer", "Lopez",  "Ahmed", "O'Brien", "Schmidt", "Haddad", "Andersen", "Moreau",  "Kim",   "Jones"};
constexpr std::array<sv, 40> kCities{
    "Phoenix",     "Denver",    "Seattle",        "Portland",    "Austin",   "Boston",     "Chicago",    "Atlanta",
    "Minneapolis", "San Diego", "Salt Lake City", "Boise",       "Madison",  "Burlington", "Asheville",  "Bend",
    "Missoula",    "Flagstaff", "Tucson",         "Albuquerque", "Santa Fe", "Reno",       "Sacramento", "Oakland",
    "Eugene",      "Spokane",   "Bozeman",        "Durango",     "Boulder",  "Ann Arbor",  "Pittsburgh", "Richmond",
    "Raleigh",     "Nashville", "Louisville",     "Columbus",    "Omaha",    "Tulsa",      "Anchorage",  "Honolulu"};
constexpr std::array<sv, 16> kPlaces{
    "the Grand Canyon", "Yosemite",     "the Rockies", "Zion",         "the Appalachian Trail",
    "Glacier",          "the Cascades", "Lake Tahoe",  "the Smokies",  "Moab",
    "Big Sur",          "the Tetons",   "Acadia",      "the Olympics", "Joshua Tree",
    "the Sierra"};
constexpr std::array<sv, 12> kTimes{"two weeks", "a month",  "three trips",       "a weekend",
                                    "six weeks", "one trip", "a few days",        "two months",
                                    "a season",  "ten days", "a couple of hikes", "a year"};
constexpr std::array<sv, 6> kInterviewers{"Dana", "Miguel", "Priya", "Alex", "Jordan", "Sam"};
constexpr std::array<sv, 8> kJobs{
    "I needed a pack that could carry a week of food for a long trip.",
    "I wanted something that keeps me dry on the commute.",
    "I was after boots that would last more than one season.",
    "I needed a stove that works above the tree line.",
    "I wanted to stop buying plastic bottles at the trailhead.",
    "I needed a bag warm enough for early spring camping.",
    "I wanted one piece of kit I could trust for the whole family.",
    "I was replacing something that finally wore out.",
};
constexpr std::array<sv, 6> kBefore{
    "An old pack from college that was held together with tape.",
    "A cheap jacket from a supermarket.",
    "Borrowed gear from a friend, honestly.",
    "Another brand that fell apart within a year.",
    "Nothing, this was my first real piece of kit.",
    "A hand-me-down from my dad.",
};
constexpr std::array<sv, 8> kHesitations{
    "I wasn't sure it would fit, the size chart was confusing.",
    "I didn't know if it would really be waterproof.",
    "I couldn't tell from the photos how big it is.",
    "I wasn't sure it was worth it compared with what I had.",
    "I worried it would be too heavy for long days.",
    "The reviews were mixed about how long it lasts.",
    "I wasn't sure about returns if it didn't fit.",
    "I couldn't tell whether it works with my existing gear.",
};
constexpr std::array<sv, 3> kPriceHesitations{
    "Honestly it was the price, it was more than I wanted to spend.",
    "The shipping cost at checkout put me off.",
    "I found it cheaper somewhere else.",
};
constexpr std::array<sv, 6> kConvincers{
    "The free returns convinced me.",    "A friend swore by it.",
    "The reviews from other hikers.",    "The lifetime repair promise.",
    "The video showing it in the rain.", "It was on sale that week.",
};
constexpr std::array<sv, 6> kPraise{
    "Pretty well, apart from one thing.",
    "It did the job on the whole.",
    "Really well, I'd buy it again.",
    "Not as well as I hoped.",
    "It solved it, mostly.",
    "Better than what I had before, for sure.",
};

} // namespace

std::span<const Part> parts() {
    return kParts;
}
std::span<const Kind> kinds() {
    return kKinds;
}
std::span<const std::string_view> productLines() {
    return kProductLines;
}
std::span<const std::string_view> fillers() {
    return kFillers;
}
std::span<const std::string_view> firstNames() {
    return kFirstNames;
}
std::span<const std::string_view> lastNames() {
    return kLastNames;
}
std::span<const std::string_view> cities() {
    return kCities;
}
std::span<const std::string_view> places() {
    return kPlaces;
}
std::span<const std::string_view> times() {
    return kTimes;
}
std::span<const std::string_view> interviewers() {
    return kInterviewers;
}
std::span<const std::string_view> jobs() {
    return kJobs;
}
std::span<const std::string_view> before() {
    return kBefore;
}
std::span<const std::string_view> hesitations() {
    return kHesitations;
}
std::span<const std::string_view> priceHesitations() {
    return kPriceHesitations;
}
std::span<const std::string_view> convincers() {
    return kConvincers;
}
std::span<const std::string_view> praise() {
    return kPraise;
}

} // namespace earmark::core::phrasebook
