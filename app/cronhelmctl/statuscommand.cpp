#include "statuscommand.h"

#include "commandparser.h"
#include "console.h"
#include "ctltr.h"
#include "exitcodes.h"
#include "format.h"
#include "recordjson.h"
#include "texttable.h"

#include <domain/durationformat.h>
#include <store/clusterstore.h>

namespace Cronhelm {

namespace {

// Times are relative to the database clock, which is the one the lease lives by, and read
// as the desktop app shows them (core/domain/durationformat.h).
QString executorLine(const LeaseRecord &lease)
{
    if (!lease.executor.isEmpty()) {
        return CtlTr::tr("executor: %1 (term %2, lease expires in %3)")
            .arg(lease.executor, QString::number(lease.term),
                 formatDuration(lease.dbNow.msecsTo(lease.expiresAt)));
    }
    if (lease.term == 0)
        return CtlTr::tr("executor: none (no node has ever held the lease)");
    if (lease.lastHolder.isEmpty())
        return CtlTr::tr("executor: none (term %1 was released)").arg(lease.term);
    return CtlTr::tr("executor: none (last holder %1, term %2, lease expired %3 ago)")
        .arg(lease.lastHolder, QString::number(lease.term),
             formatDuration(lease.expiresAt.msecsTo(lease.dbNow)));
}

QString text(const ClusterStatus &s)
{
    QString out = executorLine(s.lease) + QLatin1Char('\n');
    if (!s.lease.executor.isEmpty()) {
        out += CtlTr::tr("since:    %1").arg(Format::utc(s.lease.acquiredAt)) + QLatin1Char('\n');
    }
    out += QLatin1Char('\n');
    if (s.nodes.isEmpty())
        return out + CtlTr::tr("No node has reported yet.") + QLatin1Char('\n');
    TextTable nodes({CtlTr::tr("NODE"), CtlTr::tr("ROLE"), CtlTr::tr("HOST"), CtlTr::tr("PID"),
                     CtlTr::tr("VERSION"), CtlTr::tr("LAST SEEN"), CtlTr::tr("RUNNING"),
                     CtlTr::tr("BUSY"), CtlTr::tr("LABELS"), CtlTr::tr("CLOCK OFFSET")});
    int live = 0;
    int busy = 0;
    int capacity = 0;
    for (const NodeRecord &n : s.nodes) {
        if (n.role == NodeRole::Executor || n.role == NodeRole::Standby) {
            ++live;
            busy += n.busy;
            capacity += n.capacity;
        }
        nodes.addRow({n.id, wireName(n.role), n.host, QString::number(n.pid), n.version,
                      CtlTr::tr("%1 ago").arg(formatElapsed(qint64(n.lastSeenAgeSeconds * 1000))),
                      QString::number(n.runningJobs),
                      CtlTr::tr("%1 of %2").arg(n.busy).arg(n.capacity),
                      Format::orDash(n.labels.join(QLatin1Char(','))),
                      n.clockOffsetMs ? CtlTr::tr("%1 ms").arg(*n.clockOffsetMs, 0, 'f', 0)
                                      : QStringLiteral("-")});
    }
    out += nodes.render();
    out +=
        (live == 1 ? CtlTr::tr("1 node · %1 of %2 slots busy").arg(busy).arg(capacity)
                   : CtlTr::tr("%1 nodes · %2 of %3 slots busy").arg(live).arg(busy).arg(capacity))
        + QLatin1Char('\n');
    if (!s.recentChanges.isEmpty()) {
        out += QLatin1Char('\n') + CtlTr::tr("Recent leadership changes:") + QLatin1Char('\n');
        TextTable changes({CtlTr::tr("TERM"), CtlTr::tr("HOLDER"), CtlTr::tr("ACQUIRED"),
                           CtlTr::tr("REASON"), CtlTr::tr("ENDED"), CtlTr::tr("END REASON")});
        for (const LeadershipChange &c : s.recentChanges) {
            changes.addRow({QString::number(c.term), c.holder, Format::utc(c.acquiredAt), c.reason,
                            Format::orDash(Format::utc(c.endedAt)), Format::orDash(c.endReason)});
        }
        out += changes.render();
    }
    return out;
}

} // namespace

StatusCommand::StatusCommand(const CtlContext &context)
    : m_context(context)
{}

int StatusCommand::run(const QStringList &args)
{
    CommandParser cmd(QStringLiteral("status"),
                      CtlTr::tr("Show the cluster: which node is the executor, its term (fencing "
                                "token) and lease expiry by the database clock, and every node."));
    const QCommandLineOption json(QStringLiteral("json"),
                                  CtlTr::tr("Print one JSON object for scripts."));
    const QCommandLineOption changes(QStringLiteral("changes"),
                                     CtlTr::tr("How many recent leadership changes to show "
                                               "(default 5)."),
                                     CtlTr::tr("n"), QStringLiteral("5"));
    cmd.addOptions({json, changes});
    if (std::optional<int> stop = cmd.parse(args, 0, 0))
        return *stop;
    Result<qint64> recent =
        Format::parseInteger(cmd.value(changes), QStringLiteral("--changes"), 0, 1000);
    if (!recent)
        return Console::fail(recent.error());
    CtlConnection db(CtlConnection::resolveConninfo(m_context, cmd));
    if (Status opened = db.open(); !opened)
        return Console::fail(opened.error());
    ClusterStore cluster(db.store());
    Result<ClusterStatus> status = cluster.status(int(*recent));
    if (!status)
        return Console::fail(status.error());
    if (cmd.isSet(json))
        Console::outBytes(RecordJson::toText(RecordJson::cluster(*status)));
    else
        Console::out(text(*status));
    return ExitOk;
}

} // namespace Cronhelm
