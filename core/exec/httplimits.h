#pragma once

#include <chrono>

namespace Cronhelm {

// How long the network may take before the job's own timeout would end an HTTP run: a
// connection that cannot be made (DNS, TCP and TLS together), and a connection on which
// nothing arrives. Zero: no limit of its own (the job's timeout still applies). Node-wide
// (cronhelm-node --http-connect-timeout / --http-idle-timeout). The idle limit is off by
// default because the calls Cronhelm is made for (a cloud function syncing a database for 25
// minutes) are silent until they answer; TCP keep-alive still notices a peer that vanished.
struct HttpLimits
{
    std::chrono::seconds connectTimeout{30};
    std::chrono::seconds idleTimeout{0};
};

} // namespace Cronhelm
