#include "runformat.h"

#include "ctltr.h"
#include "format.h"

#include "texttable.h"
#include <domain/durationformat.h>

namespace Cronhelm::RunFormat {

namespace {

// What the target answered: "exit 0", "HTTP 200", or nothing yet.
QString result(const RunRecord &run)
{
    if (run.httpStatus)
        return CtlTr::tr("HTTP %1").arg(*run.httpStatus);
    if (run.exitCode)
        return CtlTr::tr("exit %1").arg(*run.exitCode);
    return {};
}

QString trigger(const RunRecord &run)
{
    if (run.trigger == RunTrigger::Manual && !run.triggeredBy.isEmpty())
        return CtlTr::tr("manual by %1").arg(run.triggeredBy);
    return wireName(run.trigger);
}

} // namespace

QString table(const QList<RunRecord> &runs)
{
    TextTable t({CtlTr::tr("ID"), CtlTr::tr("JOB"), CtlTr::tr("TRIGGER"), CtlTr::tr("SCHEDULED"),
                 CtlTr::tr("STARTED"), CtlTr::tr("STATUS"), CtlTr::tr("ATTEMPT"),
                 CtlTr::tr("DURATION"), CtlTr::tr("RESULT"), CtlTr::tr("NODE")});
    for (const RunRecord &run : runs) {
        t.addRow({QString::number(run.id), run.job, wireName(run.trigger),
                  Format::utc(run.scheduledFor), Format::orDash(Format::utc(run.startedAt)),
                  wireName(run.status), QString::number(run.attempt),
                  run.durationMs ? formatDuration(*run.durationMs) : QStringLiteral("-"),
                  // A queued run's result is why it waits.
                  Format::orDash(run.waitReason.isEmpty() ? result(run) : run.waitReason),
                  Format::orDash(run.node)});
    }
    return t.render();
}

QString details(const RunRecord &run)
{
    KeyValueList list;
    list.add(CtlTr::tr("run"), QString::number(run.id));
    list.add(CtlTr::tr("job"), run.job);
    list.add(CtlTr::tr("job id"), QString::number(run.jobId));
    list.add(CtlTr::tr("trigger"), trigger(run));
    list.add(CtlTr::tr("status"),
             run.cancelRequested && run.status == RunStatus::Running
                 ? CtlTr::tr("%1 (cancel requested)").arg(wireName(run.status))
                 : wireName(run.status));
    list.add(CtlTr::tr("attempt"),
             run.attempt > 1 && run.firstRunId
                 ? CtlTr::tr("%1 (retry of run %2)").arg(run.attempt).arg(run.firstRunId)
                 : QString::number(run.attempt));
    list.add(CtlTr::tr("scheduled for"), Format::orDash(Format::utc(run.scheduledFor)));
    list.add(CtlTr::tr("due at"), Format::orDash(Format::utc(run.dueAt)));
    list.add(CtlTr::tr("started at"), Format::orDash(Format::utc(run.startedAt)));
    list.add(CtlTr::tr("finished at"), Format::orDash(Format::utc(run.finishedAt)));
    list.add(CtlTr::tr("duration"),
             run.durationMs ? formatDuration(*run.durationMs) : QStringLiteral("-"));
    list.add(CtlTr::tr("result"), Format::orDash(result(run)));
    list.add(CtlTr::tr("error"), run.error);
    if (!run.waitReason.isEmpty())
        list.add(CtlTr::tr("waiting"), run.waitReason);
    list.add(CtlTr::tr("node"), Format::orDash(run.node));
    list.add(CtlTr::tr("term"), run.term ? QString::number(*run.term) : QStringLiteral("-"));
    list.add(CtlTr::tr("log"),
             run.logTruncated ? CtlTr::tr("%1 bytes (truncated)").arg(run.logBytes)
                              : CtlTr::tr("%1 bytes").arg(run.logBytes));
    return list.render();
}

} // namespace Cronhelm::RunFormat
