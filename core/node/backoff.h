#pragma once

#include <chrono>

namespace Cronhelm {

// Retry delays for store writes that failed on a lost connection: 250 ms, doubling, at most
// 5 s; back to 250 ms after a success.
class Backoff
{
public:
    static constexpr std::chrono::milliseconds first{250};
    static constexpr std::chrono::milliseconds longest{5000};

    std::chrono::milliseconds next();
    void reset() { m_delay = first; }

private:
    std::chrono::milliseconds m_delay = first;
};

} // namespace Cronhelm
