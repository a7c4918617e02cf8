#include "jobcommands.h"

#include "commandparser.h"
#include "console.h"
#include "ctltr.h"
#include "exitcodes.h"
#include "format.h"
#include "jobformat.h"

#include "jobspecbuilder.h"
#include "recordjson.h"
#include "texttable.h"
#include <domain/jobschedule.h>
#include <domain/targetspec.h>

#include <store/jobstore.h>

#include <QJsonArray>

namespace Cronhelm {

namespace {

QCommandLineOption jsonOption()
{
    return QCommandLineOption(QStringLiteral("json"), CtlTr::tr("Print JSON for scripts."));
}

// Warns on stderr about what is saved but will hurt: credentials written out in the
// headers of the target, and secret references no node resolves (the job is saved all the
// same).
void warnAboutSecrets(const QJsonObject &specOrChanges)
{
    const QJsonObject target = specOrChanges.value(QStringLiteral("target")).toObject();
    const QJsonObject headers = target.value(QStringLiteral("headers")).toObject();
    HttpTarget http;
    for (auto it = headers.begin(); it != headers.end(); ++it)
        http.headers.append({it.key(), it.value().toString()});
    for (const QString &name : literalSecretHeaders(http)) {
        Console::note(CtlTr::tr("warning: the header %1 holds a credential in plain text: every "
                                "administrator can read it and every backup keeps it. Write "
                                "${env:CRONHELM_SECRET_NAME} instead and have the nodes' "
                                "operator declare it.")
                          .arg(name));
    }
    FieldProblems undeclared = undeclaredSecretReferences(target);
    undeclared += undeclaredSecretReferences(QStringLiteral("notify"),
                                             specOrChanges.value(QStringLiteral("notify")));
    for (const FieldProblem &problem : std::as_const(undeclared)) {
        //: %1 is a field such as target.url, %2 the problem with it.
        Console::note(CtlTr::tr("warning: %1: %2").arg(problem.field, problem.message));
    }
}

void addNamePositional(CommandParser &cmd)
{
    cmd.addPositional(QStringLiteral("name"), CtlTr::tr("The job's name (quote it)."),
                      QStringLiteral("NAME"));
}

QString quoted(const QString &name)
{
    return QLatin1Char('"') + name + QLatin1Char('"');
}

int pauseJob(JobStore &jobs, const JobRecord &job)
{
    Result<bool> changed = jobs.pause(job.id);
    if (!changed)
        return Console::fail(changed.error());
    Console::outLine(*changed ? CtlTr::tr("paused job %1").arg(quoted(job.spec.name))
                              : CtlTr::tr("job %1 was already paused").arg(quoted(job.spec.name)));
    return ExitOk;
}

int resumeJob(JobStore &jobs, const JobRecord &job)
{
    Result<bool> changed = jobs.resume(job.id);
    if (!changed)
        return Console::fail(changed.error());
    Console::outLine(*changed ? CtlTr::tr("resumed job %1").arg(quoted(job.spec.name))
                              : CtlTr::tr("job %1 was not paused").arg(quoted(job.spec.name)));
    return ExitOk;
}

int deleteJob(JobStore &jobs, const JobRecord &job)
{
    // The version just read: a job changed by someone else meanwhile is not deleted blindly.
    if (Status s = jobs.remove(job.id, job.version); !s)
        return Console::fail(s.error());
    Console::outLine(CtlTr::tr("deleted job %1").arg(quoted(job.spec.name)));
    return ExitOk;
}

int runJobNow(JobStore &jobs, const JobRecord &job)
{
    Result<qint64> run = jobs.runNow(job.id);
    if (!run)
        return Console::fail(run.error());
    // Only the id, so that scripts can write RUN=$(cronhelmctl job run-now NAME).
    Console::outLine(QString::number(*run));
    return ExitOk;
}

int cancelOnce(JobStore &jobs, const JobRecord &job)
{
    if (Status s = jobs.cancelOnce(job.id); !s)
        return Console::fail(s.error());
    Console::outLine(CtlTr::tr("cancelled one-off job %1").arg(quoted(job.spec.name)));
    return ExitOk;
}

} // namespace

CommandGroup JobCommands::group()
{
    CommandGroup g(QStringLiteral("job"),
                   CtlTr::tr("Create, change, inspect and operate jobs. Jobs are addressed by "
                             "name."));
    g.add(QStringLiteral("add"), CtlTr::tr("Create a job (admin)."), &JobCommands::add);
    g.add(QStringLiteral("edit"), CtlTr::tr("Change a job's given settings (admin)."),
          &JobCommands::edit);
    g.add(QStringLiteral("list"), CtlTr::tr("List all jobs."), &JobCommands::list);
    g.add(QStringLiteral("show"), CtlTr::tr("Show everything about a job."), &JobCommands::show);

    struct NamedAction
    {
        QString name;
        QString summary;
        QString description;
        Action action;
    };
    const QList<NamedAction> actions = {
        {QStringLiteral("pause"), CtlTr::tr("Pause a job (operator)."),
         CtlTr::tr("Pause a job: its schedule stops firing until it is resumed. Pausing a "
                   "paused job is not an error."),
         pauseJob},
        {QStringLiteral("resume"), CtlTr::tr("Resume a paused job (operator)."),
         CtlTr::tr("Resume a paused job. Slots missed while it was paused are not caught up."),
         resumeJob},
        {QStringLiteral("delete"), CtlTr::tr("Delete a job; its history stays (admin)."),
         CtlTr::tr("Delete a job. Its run history stays readable; queued runs are cancelled, a "
                   "running one finishes."),
         deleteJob},
        {QStringLiteral("run-now"), CtlTr::tr("Queue a manual run and print its id (operator)."),
         CtlTr::tr("Queue a manual run of a job (a paused one too) and print the run id alone."),
         runJobNow},
        {QStringLiteral("cancel-once"), CtlTr::tr("Cancel a pending one-off job (operator)."),
         CtlTr::tr("Cancel a pending one-off job: it never runs."), cancelOnce},
    };
    for (const NamedAction &a : actions) {
        g.add(a.name, a.summary, [a](const CtlContext &context, const QStringList &args) {
            return onNamedJob(context, args, QStringLiteral("job ") + a.name, a.description,
                              a.action);
        });
    }
    return g;
}

int JobCommands::add(const CtlContext &context, const QStringList &args)
{
    CommandParser cmd(QStringLiteral("job add"),
                      CtlTr::tr("Create a job. It needs a schedule (--cron or --once) and a "
                                "target (--http or --shell). Prints the new job's id."));
    addNamePositional(cmd);
    JobSpecBuilder builder(JobSpecBuilder::Mode::Add);
    cmd.addOptions(builder.options());
    if (std::optional<int> stop = cmd.parse(args, 1, 1))
        return *stop;
    const QString name = cmd.positional().constFirst();
    if (Status s = builder.read(cmd.parser()); !s)
        return Console::fail(s.error());
    Result<QJsonObject> spec = builder.spec(name);
    if (!spec)
        return Console::fail(spec.error());

    CtlConnection db(CtlConnection::resolveConninfo(context, cmd));
    if (Status opened = db.open(); !opened)
        return Console::fail(opened.error());
    JobStore jobs(db.store());
    warnAboutSecrets(*spec);
    Result<qint64> id = jobs.create(*spec);
    if (!id)
        return Console::fail(id.error());
    Console::outLine(CtlTr::tr("created job %1 %2").arg(*id).arg(quoted(name)));
    return ExitOk;
}

int JobCommands::edit(const CtlContext &context, const QStringList &args)
{
    CommandParser cmd(QStringLiteral("job edit"),
                      CtlTr::tr("Change the given settings of a job; everything else stays. If "
                                "someone else changed the job meanwhile, nothing is saved "
                                "(exit 5)."));
    addNamePositional(cmd);
    JobSpecBuilder builder(JobSpecBuilder::Mode::Edit);
    cmd.addOptions(builder.options());
    // For scripts and tests that read the job earlier: fail unless it is still at version N.
    QCommandLineOption expectVersion(QStringLiteral("expect-version"),
                                     CtlTr::tr("Save only if the job is still at this version."),
                                     CtlTr::tr("n"));
    expectVersion.setFlags(QCommandLineOption::HiddenFromHelp);
    cmd.addOption(expectVersion);
    if (std::optional<int> stop = cmd.parse(args, 1, 1))
        return *stop;
    if (Status s = builder.read(cmd.parser()); !s)
        return Console::fail(s.error());
    std::optional<int> expected;
    if (cmd.isSet(expectVersion)) {
        Result<qint64> v = Format::parseInteger(cmd.value(expectVersion),
                                                QStringLiteral("--expect-version"), 1, INT_MAX);
        if (!v)
            return Console::fail(v.error());
        expected = int(*v);
    }

    CtlConnection db(CtlConnection::resolveConninfo(context, cmd));
    if (Status opened = db.open(); !opened)
        return Console::fail(opened.error());
    JobStore jobs(db.store());
    Result<JobRecord> current = jobs.byName(cmd.positional().constFirst());
    if (!current)
        return Console::fail(current.error());
    Result<QJsonObject> changes = builder.changes(*current);
    if (!changes)
        return Console::fail(changes.error());
    warnAboutSecrets(*changes);
    // The version read just now: if anyone saves in between, the database refuses ours.
    Result<int> version = jobs.update(current->id, expected.value_or(current->version), *changes);
    if (!version)
        return Console::fail(version.error());
    const QString name = changes->value(QStringLiteral("name")).toString(current->spec.name);
    // One arg() call for all three: a "%1" inside the name must stay text.
    Console::outLine(
        CtlTr::tr("updated job %1 %2 (version %3)")
            .arg(QString::number(current->id), quoted(name), QString::number(*version)));
    return ExitOk;
}

int JobCommands::list(const CtlContext &context, const QStringList &args)
{
    CommandParser cmd(QStringLiteral("job list"),
                      CtlTr::tr("List all jobs: id, name, schedule, zone, next run (UTC), last "
                                "status, paused."));
    const QCommandLineOption json = jsonOption();
    cmd.addOption(json);
    if (std::optional<int> stop = cmd.parse(args, 0, 0))
        return *stop;
    CtlConnection db(CtlConnection::resolveConninfo(context, cmd));
    if (Status opened = db.open(); !opened)
        return Console::fail(opened.error());
    JobStore jobs(db.store());
    Result<QList<JobRecord>> all = jobs.list();
    if (!all)
        return Console::fail(all.error());
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (cmd.isSet(json)) {
        QJsonArray array;
        for (const JobRecord &job : std::as_const(*all))
            array.append(RecordJson::job(job, nextRunOf(job, now), JobFormat::schedule(job)));
        Console::outBytes(RecordJson::toText(array));
        return ExitOk;
    }
    TextTable table({CtlTr::tr("ID"), CtlTr::tr("NAME"), CtlTr::tr("SCHEDULE"), CtlTr::tr("ZONE"),
                     CtlTr::tr("NEXT RUN"), CtlTr::tr("LAST STATUS"), CtlTr::tr("PAUSED")});
    for (const JobRecord &job : std::as_const(*all)) {
        table.addRow({QString::number(job.id), job.spec.name, JobFormat::schedule(job),
                      job.spec.timeZone, Format::orDash(Format::utc(nextRunOf(job, now))),
                      Format::orDash(job.lastStatus ? wireName(*job.lastStatus) : QString()),
                      job.spec.enabled ? CtlTr::tr("no") : CtlTr::tr("yes")});
    }
    Console::out(table.render());
    return ExitOk;
}

int JobCommands::show(const CtlContext &context, const QStringList &args)
{
    CommandParser cmd(QStringLiteral("job show"), CtlTr::tr("Show everything about a job."));
    addNamePositional(cmd);
    const QCommandLineOption json = jsonOption();
    cmd.addOption(json);
    if (std::optional<int> stop = cmd.parse(args, 1, 1))
        return *stop;
    CtlConnection db(CtlConnection::resolveConninfo(context, cmd));
    if (Status opened = db.open(); !opened)
        return Console::fail(opened.error());
    JobStore jobs(db.store());
    Result<JobRecord> job = jobs.byName(cmd.positional().constFirst());
    if (!job)
        return Console::fail(job.error());
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (cmd.isSet(json))
        Console::outBytes(RecordJson::toText(
            RecordJson::job(*job, nextRunOf(*job, now), JobFormat::schedule(*job))));
    else
        Console::out(JobFormat::details(*job, now));
    return ExitOk;
}

int JobCommands::onNamedJob(const CtlContext &context, const QStringList &args,
                            const QString &command, const QString &description,
                            const Action &action)
{
    CommandParser cmd(command, description);
    addNamePositional(cmd);
    if (std::optional<int> stop = cmd.parse(args, 1, 1))
        return *stop;
    CtlConnection db(CtlConnection::resolveConninfo(context, cmd));
    if (Status opened = db.open(); !opened)
        return Console::fail(opened.error());
    JobStore jobs(db.store());
    Result<JobRecord> job = jobs.byName(cmd.positional().constFirst());
    if (!job)
        return Console::fail(job.error());
    return action(jobs, *job);
}

} // namespace Cronhelm
