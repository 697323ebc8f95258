#pragma once

#include "core/analysis/Text.h"

#include <string>
#include <string_view>
#include <vector>

/// Finding the customer's own words in a note-taker's notes: what is in quotation marks,
/// after a label ("Customer:", "A:"), after reported speech ("He said the ...", "mentioned
/// that ..."), on a bullet, or said in the first person. The note-taker's own sentences
/// ("Bought the kettle in March.", "Will follow up.", "Q: ...") are left out, and so is the
/// framing around the words, so a proposed quote holds the customer's words only. A plain
/// sentence may still be context ("Two kids, one dog."): the intent of the words tells.
namespace earmark::core::analysis {

enum class Framing {
    Quoted,      ///< inside quotation marks
    Labelled,    ///< after "Customer:", "C:", "A:"
    Reported,    ///< after "said", "mentioned that", "told us"
    Bullet,      ///< a "- " or "• " item
    FirstPerson, ///< a sentence with I, my, me, we, our
    Plain,       ///< a sentence without framing that is not the note-taker's ("Zip broke after a week.")
};

struct CustomerWords {
    Span span;        ///< in code points of the notes
    std::string text; ///< the words, as the notes write them (a wrapped line keeps its line break)
    Framing framing = Framing::FirstPerson;
    /// The note-taker marked these as the customer's (quotation marks, a label, reported
    /// speech, a bullet): a statement even without a cue word.
    [[nodiscard]] bool marked() const { return framing != Framing::FirstPerson && framing != Framing::Plain; }
};

/// Sentences of notes as a reader sees them: a line broken inside a sentence is one
/// sentence; "Mr.", "Dr.", "e.g.", "approx.", "Oct. 3" and "2.5 kg" do not end one; a
/// bullet or a label starts one.
std::vector<Span> noteSentences(std::string_view notes);

/// The customer's words in `notes`, in order.
std::vector<CustomerWords> customerWords(std::string_view notes);

} // namespace earmark::core::analysis
