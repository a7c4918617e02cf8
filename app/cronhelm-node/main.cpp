// cronhelm-node: the scheduler daemon. Everything but option parsing lives in
// core/node (NodeDaemon), which the tests drive directly.

#include "signalbridge.h"

#include <node/nodeconfig.h>
#include <node/nodedaemon.h>
#include <node/privatelogfile.h>

#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>

using namespace Cronhelm;

namespace {

void setUpLogging(const QString &nodeId, const QString &logFile)
{
    std::vector<spdlog::sink_ptr> sinks;
    sinks.push_back(std::make_shared<spdlog::sinks::stderr_color_sink_mt>());
    if (!logFile.isEmpty()) {
        // Job names, errors and URLs are no business of other local users: mode 0600.
        sinks.push_back(makePrivateLogFileSink(logFile, 50 * 1024 * 1024, 5));
    }
    auto logger = std::make_shared<spdlog::logger>("cronhelm-node", sinks.begin(), sinks.end());
    logger->set_pattern("%Y-%m-%dT%H:%M:%S.%eZ %^%l%$ [" + nodeId.toStdString() + "] %v",
                        spdlog::pattern_time_type::utc);
    logger->flush_on(spdlog::level::info);
    spdlog::set_default_logger(logger);
}

} // namespace

int main(int argc, char *argv[])
{
    // Before anything else: the environment holds the secrets from the first instruction.
    NodeDaemon::keepJobsOutOfThisProcess();
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("cronhelm-node"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CRONHELM_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Cronhelm scheduler node. Every node heartbeats into the shared PostgreSQL store; one "
        "holds the executor lease and fires the jobs, the others stand by and take over.\n\n"
        "Exit codes: 0 stopped normally, 1 cannot run against the database (e.g. schema), "
        "2 bad options."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption dbOption(
        QStringLiteral("db"),
        QStringLiteral("libpq conninfo or URI of the store "
                       "(default: $CRONHELM_DB, else PG* variables)."),
        QStringLiteral("conninfo"));
    const QCommandLineOption idOption(QStringLiteral("node-id"),
                                      QStringLiteral("This node's id (default: hostname:pid)."),
                                      QStringLiteral("id"));
    const QCommandLineOption ttlOption(QStringLiteral("lease-ttl"),
                                       QStringLiteral("Executor lease time-to-live in seconds "
                                                      "(default 10)."),
                                       QStringLiteral("seconds"));
    const QCommandLineOption logOption(QStringLiteral("log-file"),
                                       QStringLiteral("Also log to this file (rotated at 50 MB)."),
                                       QStringLiteral("path"));
    const QCommandLineOption parallelOption(QStringLiteral("max-parallel"),
                                            QStringLiteral("Jobs run at once at most (default "
                                                           "256); more wait in the queue."),
                                            QStringLiteral("n"));
    const QCommandLineOption labelsOption(QStringLiteral("labels"),
                                          QStringLiteral("This node's labels, comma-separated; "
                                                         "jobs with run_on labels run only on "
                                                         "nodes that have all of them."),
                                          QStringLiteral("a,b"));
    const QCommandLineOption graceOption(QStringLiteral("shutdown-grace"),
                                         QStringLiteral("On SIGTERM, seconds running jobs may "
                                                        "go on before they are stopped "
                                                        "(default 30)."),
                                         QStringLiteral("seconds"));
    const QCommandLineOption connectTimeoutOption(
        QStringLiteral("http-connect-timeout"),
        QStringLiteral("HTTP jobs: seconds a connection may take to open, DNS and TLS included "
                       "(default 30; 0: only the job's timeout)."),
        QStringLiteral("seconds"));
    const QCommandLineOption idleTimeoutOption(
        QStringLiteral("http-idle-timeout"),
        QStringLiteral("HTTP jobs: seconds a connection may stay silent before the run fails "
                       "(default 0: only the job's timeout)."),
        QStringLiteral("seconds"));
    const QCommandLineOption configOption(
        QStringLiteral("config"),
        QStringLiteral("INI file with db, node_id, lease_ttl, log_file, max_parallel, labels, "
                       "shutdown_grace, http_connect_timeout, http_idle_timeout."),
        QStringLiteral("path"));
    parser.addOptions({dbOption, idOption, ttlOption, logOption, parallelOption, labelsOption,
                       graceOption, connectTimeoutOption, idleTimeoutOption, configOption});
    parser.process(app);

    NodeConfig config;
    config.conninfo = qEnvironmentVariable("CRONHELM_DB");
    auto fail = [](const QString &message) {
        std::fprintf(stderr, "cronhelm-node: %s\n", qPrintable(message));
        return 2;
    };
    if (parser.isSet(configOption)) {
        if (Status loaded = config.loadFile(parser.value(configOption)); !loaded)
            return fail(loaded.errorMessage());
    }
    if (parser.isSet(dbOption))
        config.conninfo = parser.value(dbOption);
    if (parser.isSet(idOption))
        config.nodeId = parser.value(idOption);
    if (config.nodeId.isEmpty())
        config.nodeId = NodeConfig::defaultNodeId();
    if (parser.isSet(logOption))
        config.logFile = parser.value(logOption);
    bool ok = true;
    if (parser.isSet(ttlOption))
        config.leaseTtlSeconds = parser.value(ttlOption).toDouble(&ok);
    if (!ok)
        return fail(QStringLiteral("--lease-ttl needs a number of seconds"));
    if (parser.isSet(parallelOption))
        config.maxParallel = parser.value(parallelOption).toInt(&ok);
    if (!ok)
        return fail(QStringLiteral("--max-parallel needs a whole number"));
    if (parser.isSet(labelsOption))
        config.labels = NodeConfig::splitLabels(parser.value(labelsOption));
    if (parser.isSet(graceOption)) {
        config.shutdownGrace =
            std::chrono::milliseconds(qint64(parser.value(graceOption).toDouble(&ok) * 1000));
    }
    if (!ok)
        return fail(QStringLiteral("--shutdown-grace needs a number of seconds"));
    if (parser.isSet(connectTimeoutOption))
        config.http.connectTimeout =
            std::chrono::seconds(parser.value(connectTimeoutOption).toInt(&ok));
    if (!ok)
        return fail(QStringLiteral("--http-connect-timeout needs a whole number of seconds"));
    if (parser.isSet(idleTimeoutOption))
        config.http.idleTimeout = std::chrono::seconds(parser.value(idleTimeoutOption).toInt(&ok));
    if (!ok)
        return fail(QStringLiteral("--http-idle-timeout needs a whole number of seconds"));
    if (Status valid = config.validate(); !valid)
        return fail(valid.errorMessage());
    // Test hook (see NodeConfig::takeoverApplyDelay); not a user setting.
    config.takeoverApplyDelay = std::chrono::milliseconds(
        qEnvironmentVariableIntValue("CRONHELM_NODE_TEST_TAKEOVER_DELAY_MS"));
    if (const int rest = qEnvironmentVariableIntValue("CRONHELM_NODE_TEST_RETENTION_REST_MS"))
        config.retentionRest = std::chrono::milliseconds(rest);
    if (const int batch = qEnvironmentVariableIntValue("CRONHELM_NODE_TEST_RETENTION_BATCH"))
        config.retentionBatch = batch;
    // Test hook: a longer lead, so that a test can act on a run assigned to a worker before
    // its instant without racing the default 250 ms.
    if (const int lead = qEnvironmentVariableIntValue("CRONHELM_NODE_TEST_FIRE_LEAD_MS"); lead > 0)
        config.fireLead = std::chrono::milliseconds(lead);

    try {
        setUpLogging(config.nodeId, config.logFile);
    } catch (const std::exception &e) {
        // E.g. a log file that is a symbolic link or another user's (privatelogfile.h).
        return fail(QString::fromLocal8Bit(e.what()));
    }

    NodeDaemon daemon(config);
    SignalBridge signals_;
    QObject::connect(&signals_, &SignalBridge::terminationRequested, &daemon, [&daemon](int sig) {
        spdlog::info("received signal {}", sig);
        daemon.shutdown();
    });
    QObject::connect(&daemon, &NodeDaemon::finished, &app,
                     [](int code) { QCoreApplication::exit(code); });
    daemon.start();
    return app.exec();
}
