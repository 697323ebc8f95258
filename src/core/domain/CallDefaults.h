#pragma once

#include "core/domain/Types.h"

namespace earmark::core {

/// A new call starts as who the customer is now (segment and value tier); whoever logs it
/// changes them when the customer was someone else on that call. The window's new-call
/// dialog, the command line and the JSON import all start here.
inline void presetFromCustomer(Call& call, const Customer& customer) {
    call.segmentId = customer.segmentId;
    call.valueTier = customer.valueTier;
}

} // namespace earmark::core
