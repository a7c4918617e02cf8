#pragma once

// Shared by the cronhelmctl tests: run the real binary as a separate process, as scripts do,
// and read what it printed and how it exited.

#include <testdatabase.h>

#include <QByteArray>
#include <QList>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include <memory>

namespace Cronhelm::Test {

struct CtlResult
{
    int exitCode = -1;
    QByteArray out; // raw bytes of stdout
    QString err;
    bool crashed = false;

    QString text() const { return QString::fromUtf8(out); }
    QStringList lines() const;
    // For QVERIFY2 messages.
    QByteArray describe() const;
};

// The environment the binary runs in: the test's own, without CRONHELM_DB and the PG*
// connection variables, so that only what a test passes decides where it connects.
QProcessEnvironment cleanEnvironment();

// The cronhelmctl binary: $CRONHELMCTL, else the path CMake compiled in.
QString ctlPath();

CtlResult runCtl(const QStringList &args,
                 const QProcessEnvironment &environment = cleanEnvironment());
// Runs with "--db <conninfo>" appended.
CtlResult runCtlOn(const QString &conninfo, const QStringList &args);

// RFC 4180 CSV into records (a quoted field may contain commas, quotes and line breaks).
QList<QStringList> parseCsv(const QByteArray &csv);

} // namespace Cronhelm::Test

// QVERIFY a cronhelmctl result's exit code, with its output in the failure message.
// `result` is evaluated once (it may be the runCtl() call itself).
#define CTL_EXPECT_EXIT(result, code)                                                              \
    do {                                                                                           \
        const Cronhelm::Test::CtlResult &ctlResult_ = (result);                                    \
        QVERIFY2(ctlResult_.exitCode == (code), ctlResult_.describe().constData());                \
    } while (false)

// Declares `std::unique_ptr<TestDatabase> var`, a fresh database with the schema installed
// (or without it when `schema` is false), or fails the test.
#define CTL_DATABASE_EX(var, label, schema)                                                        \
    std::unique_ptr<Cronhelm::Test::TestDatabase> var;                                             \
    do {                                                                                           \
        auto created_ = Cronhelm::Test::TestDatabase::create(label, schema);                       \
        QVERIFY2(created_.ok(), qPrintable(created_.errorMessage()));                              \
        var = std::move(created_).value();                                                         \
    } while (false)
#define CTL_DATABASE(var, label) CTL_DATABASE_EX(var, label, true)
