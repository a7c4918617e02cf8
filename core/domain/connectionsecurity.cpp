#include "connectionsecurity.h"

namespace Cronhelm {

bool ConnectionSecurity::certificateVerified() const
{
    return encrypted
        && (sslMode == QLatin1String("verify-ca") || sslMode == QLatin1String("verify-full"));
}

bool ConnectionSecurity::serverVerified() const
{
    return encrypted && sslMode == QLatin1String("verify-full");
}

} // namespace Cronhelm
