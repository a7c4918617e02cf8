#include "ctlrunner.h"

#include <QProcess>

namespace Cronhelm::Test {

QStringList CtlResult::lines() const
{
    QString t = text();
    if (t.endsWith(QLatin1Char('\n')))
        t.chop(1);
    return t.isEmpty() ? QStringList() : t.split(QLatin1Char('\n'));
}

QByteArray CtlResult::describe() const
{
    return QStringLiteral("exit code %1%2\n--- stdout:\n%3\n--- stderr:\n%4")
        .arg(exitCode)
        .arg(crashed ? QStringLiteral(" (crashed)") : QString())
        .arg(text(), err)
        .toUtf8();
}

QProcessEnvironment cleanEnvironment()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    const QStringList keys = env.keys();
    for (const QString &key : keys) {
        // PGPASSFILE stays: it names no server, it holds the password of the roles tests make.
        if (key == QLatin1String("CRONHELM_DB")
            || (key.startsWith(QLatin1String("PG")) && key != QLatin1String("PGPASSFILE")))
            env.remove(key);
    }
    // Point libpq at a place with no server, so a test that forgets --db fails loudly
    // instead of finding some other database.
    env.insert(QStringLiteral("PGHOST"), QStringLiteral("/nonexistent-cronhelm-test"));
    env.insert(QStringLiteral("PGCONNECT_TIMEOUT"), QStringLiteral("5"));
    return env;
}

QString ctlPath()
{
    const QString fromEnv = qEnvironmentVariable("CRONHELMCTL");
    return fromEnv.isEmpty() ? QStringLiteral(CRONHELMCTL_PATH) : fromEnv;
}

CtlResult runCtl(const QStringList &args, const QProcessEnvironment &environment)
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(ctlPath(), args);
    CtlResult result;
    if (!process.waitForStarted(10000)) {
        result.err = process.errorString();
        return result;
    }
    process.closeWriteChannel();
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished();
        result.crashed = true;
    }
    result.crashed = result.crashed || process.exitStatus() != QProcess::NormalExit;
    result.exitCode = process.exitCode();
    result.out = process.readAllStandardOutput();
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

CtlResult runCtlOn(const QString &conninfo, const QStringList &args)
{
    return runCtl(args + QStringList{QStringLiteral("--db"), conninfo});
}

QList<QStringList> parseCsv(const QByteArray &bytes)
{
    const QString csv = QString::fromUtf8(bytes);
    QList<QStringList> records;
    QStringList record;
    QString field;
    bool quoted = false;
    bool fieldStarted = false;
    for (qsizetype i = 0; i < csv.size(); ++i) {
        const QChar c = csv.at(i);
        if (quoted) {
            if (c == QLatin1Char('"')) {
                if (i + 1 < csv.size() && csv.at(i + 1) == QLatin1Char('"')) {
                    field += QLatin1Char('"');
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                field += c;
            }
            continue;
        }
        if (c == QLatin1Char('"')) {
            quoted = true;
            fieldStarted = true;
        } else if (c == QLatin1Char(',')) {
            record.append(field);
            field.clear();
            fieldStarted = true;
        } else if (c == QLatin1Char('\r') || c == QLatin1Char('\n')) {
            if (c == QLatin1Char('\r') && i + 1 < csv.size() && csv.at(i + 1) == QLatin1Char('\n'))
                ++i;
            // An empty line is kept as an empty record: a correct export has none.
            record.append(field);
            if (record.size() == 1 && !fieldStarted && record.first().isEmpty())
                record.clear();
            records.append(record);
            record.clear();
            field.clear();
            fieldStarted = false;
        } else {
            field += c;
            fieldStarted = true;
        }
    }
    if (fieldStarted || !field.isEmpty()) {
        record.append(field);
        records.append(record);
    }
    return records;
}

} // namespace Cronhelm::Test
