#pragma once

#include <QString>

namespace Cronhelm {

// What a person who may not see secrets is shown instead of one.
QString secretMask();

// A header or environment value as such a person sees it: a value that only refers to a
// secret of the node (${env:NAME}, optionally after Bearer, Basic or Token) says where the
// secret is and is shown; any other value is masked. The rule of the SQL API's
// cronhelm._mask_value (0005_security.sql).
QString maskedSecretValue(const QString &value);

// A target's web address as such a person sees it, and as run logs show it (they are
// readable by every role): scheme, host and path stay; the user information (a password, or
// a lone user name, often a token), every value of the query and the fragment are masked,
// except values that only refer to a node secret. The rule of cronhelm._mask_target_url
// (0012_secrets_and_names.sql); store.secrets maskedAddressAgreesWithTheStore holds them
// together.
QString maskedAddress(const QString &url);

} // namespace Cronhelm
