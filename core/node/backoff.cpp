#include "backoff.h"

#include <algorithm>

namespace Cronhelm {

std::chrono::milliseconds Backoff::next()
{
    const std::chrono::milliseconds delay = m_delay;
    m_delay = std::min(m_delay * 2, longest);
    return delay;
}

} // namespace Cronhelm
