#pragma once

// Test helpers for the typed domain: enum lists from their SQL spellings, and readable
// QCOMPARE failures for enums.

#include <domain/enums.h>

#include <QList>
#include <QStringList>
#include <QTest>

namespace Cronhelm::Test {

// {"failed", "timed_out"} -> {RunStatus::Failed, RunStatus::TimedOut}; a spelling that is
// not one of the enum's fails the test.
template<typename Enum>
QList<Enum> enumsFrom(const QStringList &names)
{
    QList<Enum> out;
    for (const QString &name : names) {
        const std::optional<Enum> value = fromWireName<Enum>(name);
        if (!value)
            qFatal("\"%s\" is not a known spelling", qPrintable(name));
        out.append(*value);
    }
    return out;
}

} // namespace Cronhelm::Test

// QCOMPARE prints enums by their SQL spelling.
namespace Cronhelm {
inline char *toString(RunStatus v)
{
    return QTest::toString(wireName(v));
}
inline char *toString(RunTrigger v)
{
    return QTest::toString(wireName(v));
}
inline char *toString(OnceState v)
{
    return QTest::toString(wireName(v));
}
inline char *toString(NodeRole v)
{
    return QTest::toString(wireName(v));
}
inline char *toString(StoreRole v)
{
    return QTest::toString(wireName(v));
}
} // namespace Cronhelm
