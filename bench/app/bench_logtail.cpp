// Log tail latency, end to end: a shell job run by a real cronhelm-node prints numbered
// lines, each carrying its own wall-clock print time; the desktop app's LogViewer (with its
// LogTail and StoreClient, as MainWindow::openLog opens it) follows the run live in an
// offscreen QApplication. For every line: the moment the viewer's document gains it (and the
// next paint of the text view) minus the moment it was printed. Target (docs/benchmarks.md): a
// printed line is visible in an open log view within 500 ms.
//
//   bench_logtail [--rounds R] [--lines N] [--interval-ms MS] [--burst B]
//                 [--burst-interval-ms MS] [--mode steady|bursty|both]

#include "benchcluster.h"
#include "benchgui.h"

#include <displayformat.h>
#include <logtail.h>
#include <logviewer.h>
#include <storeclient.h>

#include <QApplication>
#include <QCommandLineParser>
#include <QEvent>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QTextBlock>
#include <QTextDocument>

#include <array>
#include <chrono>
#include <cstdio>
#include <memory>

using namespace Cronhelm;
using namespace Cronhelm::Bench;

namespace {

constexpr double targetMs = 500.0;

qint64 nowUs()
{
    return std::chrono::duration_cast<std::chrono::microseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

QString loadAverage()
{
    QFile f(QStringLiteral("/proc/loadavg"));
    if (!f.open(QIODevice::ReadOnly))
        return QStringLiteral("?");
    return QString::fromLatin1(f.readAll()).section(QLatin1Char(' '), 0, 2);
}

struct Mode
{
    QString name;
    int lines = 200;
    int burst = 1;       // lines printed back to back
    int intervalMs = 50; // between the starts of two bursts
};

// The job: bash prints "L <seq> <print time, us since the epoch> <padding>" with builtins
// only (EPOCHREALTIME, printf, read -t as a sleep), so taking the time costs no fork; bursts
// start on a fixed grid so the rate does not drift.
QString script(const Mode &mode)
{
    return QStringLiteral(R"(exec {sleeper}<> <(:)
pad='the quick brown fox jumps over the lazy dog 0123456789'
n=%1; burst=%2; period=%3
t0=${EPOCHREALTIME/./}
i=0
while (( i < n )); do
    for (( k = 0; k < burst && i < n; k++ )); do
        i=$(( i + 1 ))
        printf 'L %d %s %s\n' "$i" "${EPOCHREALTIME/./}" "$pad"
    done
    d=$(( t0 + (i / burst) * period - ${EPOCHREALTIME/./} ))
    if (( d > 0 )); then
        printf -v s '%d.%06d' $(( d / 1000000 )) $(( d % 1000000 ))
        read -t "$s" -u "$sleeper"
    fi
done
)")
        .arg(mode.lines)
        .arg(mode.burst)
        .arg(qint64(mode.intervalMs) * 1000);
}

// What one round saw, per line number.
struct Round
{
    QHash<int, qint64> printedUs;
    QHash<int, qint64> shownUs;   // the viewer's document gained the whole line
    QHash<int, qint64> paintedUs; // the next paint event of the text view after that
    QHash<int, qint64> storedUs;  // run_logs.at of the chunk that carried the line
    QList<int> awaitingPaint;
    double openStallMs = 0; // constructing and showing the LogViewer
    double stallMs = 0;     // while following
    double stallCpuMs = 0;  // GUI-thread CPU time within that stall
};

// Notes the first paint of the text view after lines were added.
class PaintWatch : public QObject
{
public:
    explicit PaintWatch(Round &round)
        : m_round(round)
    {}

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && !m_round.awaitingPaint.isEmpty()) {
            const qint64 now = nowUs();
            for (int seq : std::as_const(m_round.awaitingPaint))
                m_round.paintedUs.insert(seq, now);
            m_round.awaitingPaint.clear();
        }
        return QObject::eventFilter(watched, event);
    }

private:
    Round &m_round;
};

const QRegularExpression &linePattern()
{
    static const QRegularExpression pattern(QStringLiteral("^L (\\d+) (\\d+) "));
    return pattern;
}

QList<double> deltasMs(const QHash<int, qint64> &to, const QHash<int, qint64> &from)
{
    QList<double> out;
    for (auto it = to.cbegin(); it != to.cend(); ++it) {
        if (from.contains(it.key()))
            out.append(double(it.value() - from.value(it.key())) / 1000.0);
    }
    return out;
}

void printLatency(const char *what, const QList<double> &values, bool withTarget)
{
    const Percentiles p = percentiles(values);
    std::printf("    %-28s n=%4lld  p50 %6.1f  p95 %6.1f  p99 %6.1f  max %6.1f ms", what,
                static_cast<long long>(p.count), p.p50, p.p95, p.p99, p.max);
    if (withTarget)
        std::printf("   p99/500 ms = %.2f %s", p.p99 / targetMs,
                    p.p99 <= targetMs && p.count > 0 ? "met" : "MISSED");
    std::printf("\n");
}

// One Run now of the job, followed in a LogViewer until the run ended and every line shows.
bool runRound(StoreClient &client, qint64 jobId, const Mode &mode, StallMeter &stalls, Round &round)
{
    qint64 runId = 0;
    QString error;
    client.runNow(&client, jobId, [&](Result<qint64> r) {
        if (r)
            runId = *r;
        else
            error = r.errorMessage();
    });
    if (!waitFor([&] { return runId != 0 || !error.isEmpty(); }, 10000) || runId == 0) {
        std::fprintf(stderr, "run now failed: %s\n", qPrintable(error));
        return false;
    }
    // As MainWindow::openLog does it.
    stalls.phase("opening the log view");
    auto viewer = std::make_unique<LogViewer>(&client, runId);
    viewer->show();
    stalls.phase("following a run");
    round.openStallMs = stalls.lastPhaseMax();

    QTextDocument *doc = viewer->text()->document();
    int nextBlock = 0;
    QObject::connect(doc, &QTextDocument::contentsChange, viewer.get(), [&round, doc, &nextBlock] {
        const qint64 now = nowUs();
        // A line is whole once a block follows it.
        const int complete = doc->blockCount() - 1;
        for (QTextBlock b = doc->findBlockByNumber(nextBlock); b.isValid() && nextBlock < complete;
             b = b.next(), ++nextBlock) {
            const QRegularExpressionMatch m = linePattern().match(b.text());
            if (!m.hasMatch())
                continue;
            const int seq = m.captured(1).toInt();
            round.printedUs.insert(seq, m.captured(2).toLongLong());
            round.shownUs.insert(seq, now);
            round.awaitingPaint.append(seq);
        }
    });
    QObject::connect(viewer->tail(), &LogTail::chunksArrived, viewer.get(),
                     [&round](const QList<LogChunk> &chunks) {
                         for (const LogChunk &chunk : chunks) {
                             const qint64 at = chunk.at.toMSecsSinceEpoch() * 1000;
                             for (const QString &line : chunk.data.split(QLatin1Char('\n'))) {
                                 const QRegularExpressionMatch m = linePattern().match(line);
                                 if (m.hasMatch())
                                     round.storedUs.insert(m.captured(1).toInt(), at);
                             }
                         }
                     });
    PaintWatch paints(round);
    viewer->text()->viewport()->installEventFilter(&paints);

    const int budgetMs = mode.lines / mode.burst * mode.intervalMs + 30000;
    const bool done = waitFor(
        [&] {
            const LogTail *tail = viewer->tail();
            return round.shownUs.size() >= mode.lines && tail->hasRun()
                && isFinal(tail->run().status);
        },
        budgetMs);
    // Let the last paint happen.
    waitFor([&] { return round.awaitingPaint.isEmpty(); }, 1000);
    round.stallMs = stalls.phaseMax();
    round.stallCpuMs = stalls.phaseMaxCpu();
    const RunRecord run = viewer->tail()->run();
    viewer->text()->viewport()->removeEventFilter(&paints);
    viewer.reset();
    stalls.phase("between runs");
    if (!done) {
        std::fprintf(stderr, "run %lld: %lld of %d lines shown, status %s\n", runId,
                     static_cast<long long>(round.shownUs.size()), mode.lines,
                     qPrintable(wireName(run.status)));
        return false;
    }
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    // name, help, default; all take a value.
    const QList<std::array<const char *, 3>> options = {
        {"rounds", "Runs per mode.", "3"},
        {"lines", "Lines per run.", "200"},
        {"interval-ms", "Steady: ms between lines.", "50"},
        {"burst", "Bursty: lines per burst.", "20"},
        {"burst-interval-ms", "Bursty: ms between bursts.", "500"},
        {"mode", "steady | bursty | both.", "both"},
    };
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Log tail latency, job print -> LogViewer"));
    parser.addHelpOption();
    for (const auto &[name, help, value] : options)
        parser.addOption(
            {QString::fromLatin1(name),
             QStringLiteral("%1 Default: %2.").arg(QLatin1String(help), QLatin1String(value)),
             QStringLiteral("value"), QString::fromLatin1(value)});
    parser.process(app);
    auto number = [&parser](const char *name) {
        return parser.value(QString::fromLatin1(name)).toInt();
    };

    const int rounds = number("rounds");
    const int lines = number("lines");
    QList<Mode> modes;
    const QString which = parser.value(QStringLiteral("mode"));
    if (which != QLatin1String("bursty"))
        modes.append({QStringLiteral("steady"), lines, 1, number("interval-ms")});
    if (which != QLatin1String("steady"))
        modes.append(
            {QStringLiteral("bursty"), lines, number("burst"), number("burst-interval-ms")});
    if (rounds < 1 || lines < 1 || modes.isEmpty()) {
        std::fprintf(stderr, "nothing to do\n");
        return 2;
    }

    std::printf("== bench_logtail: %d round(s) per mode, %d lines per run; load average %s ==\n",
                rounds, lines, qPrintable(loadAverage()));
    for (const Mode &m : std::as_const(modes))
        std::printf("  %s: %d line(s) every %d ms\n", qPrintable(m.name), m.burst, m.intervalMs);
    std::fflush(stdout);

    BenchCluster cluster;
    if (!cluster.startStore())
        return 1;
    const int node = cluster.startNode(QStringLiteral("bench-a"));
    if (!cluster.waitForLog(node, QStringLiteral("jobs loaded"), 60000)) {
        std::fprintf(stderr, "the node did not become executor:\n%s\n",
                     qPrintable(cluster.log(node)));
        return 1;
    }

    StallMeter stalls;
    stalls.start();
    StoreClient client;
    QObject::connect(&client, &StoreClient::connectFailed, &client, [](const QString &m) {
        std::fprintf(stderr, "connect failed: %s\n", qPrintable(m));
    });
    client.connectTo(cluster.conninfo());
    if (!waitFor([&] { return client.isConnected(); }, 20000))
        return 1;

    // One job per mode, created and run through the app's own StoreClient.
    QHash<QString, qint64> jobs;
    for (const Mode &m : std::as_const(modes)) {
        const QJsonArray argv{QStringLiteral("/bin/bash"), QStringLiteral("-c"), script(m)};
        const QJsonObject spec{
            {QStringLiteral("name"), QString(QStringLiteral("logtail-") + m.name)},
            {QStringLiteral("target_type"), QStringLiteral("shell")},
            {QStringLiteral("target"), QJsonObject{{QStringLiteral("argv"), argv}}},
            {QStringLiteral("cron"), QStringLiteral("0 0 1 1 *")},
            {QStringLiteral("timeout_s"), 600},
        };
        QString error;
        client.createJob(&client, spec, [&](Result<qint64> r) {
            if (r)
                jobs.insert(m.name, *r);
            else
                error = r.errorMessage();
        });
        if (!waitFor([&] { return jobs.contains(m.name) || !error.isEmpty(); }, 10000)
            || !jobs.contains(m.name)) {
            std::fprintf(stderr, "create job: %s\n", qPrintable(error));
            return 1;
        }
    }

    struct Totals
    {
        QList<double> shown, painted, node, app;
        double stallMs = 0;
        double stallCpuMs = 0;
        double openStallMs = 0;
    };
    QHash<QString, Totals> totals;
    for (int r = 0; r < rounds; ++r) {
        for (const Mode &m : std::as_const(modes)) {
            Round round;
            if (!runRound(client, jobs.value(m.name), m, stalls, round))
                return 1;
            const QList<double> shown = deltasMs(round.shownUs, round.printedUs);
            const QList<double> painted = deltasMs(round.paintedUs, round.printedUs);
            const QList<double> nodeSide = deltasMs(round.storedUs, round.printedUs);
            const QList<double> appSide = deltasMs(round.shownUs, round.storedUs);
            std::printf("\n  round %d, %s (load average %s)\n", r + 1, qPrintable(m.name),
                        qPrintable(loadAverage()));
            printLatency("printed -> in the view", shown, true);
            printLatency("printed -> painted", painted, false);
            printLatency("printed -> stored (node)", nodeSide, false);
            printLatency("stored -> in the view (app)", appSide, false);
            std::printf("    longest GUI-thread stall while following: %.1f ms (%.1f ms of it on "
                        "the CPU); opening the view: %.1f ms\n",
                        round.stallMs, round.stallCpuMs, round.openStallMs);
            std::fflush(stdout);
            Totals &t = totals[m.name];
            t.shown += shown;
            t.painted += painted;
            t.node += nodeSide;
            t.app += appSide;
            if (round.stallMs > t.stallMs) {
                t.stallMs = round.stallMs;
                t.stallCpuMs = round.stallCpuMs;
            }
            t.openStallMs = std::max(t.openStallMs, round.openStallMs);
        }
    }

    std::printf("\n== summary: all rounds (load average %s) ==\n", qPrintable(loadAverage()));
    for (const Mode &m : std::as_const(modes)) {
        const Totals &t = totals.value(m.name);
        std::printf("  %s, %d run(s): %d line(s) every %d ms\n", qPrintable(m.name), rounds,
                    m.burst, m.intervalMs);
        printLatency("printed -> in the view", t.shown, true);
        printLatency("printed -> painted", t.painted, false);
        printLatency("printed -> stored (node)", t.node, false);
        printLatency("stored -> in the view (app)", t.app, false);
        std::printf("    longest GUI-thread stall while following: %.1f ms (%.1f ms of it on the "
                    "CPU); opening the view: %.1f ms\n",
                    t.stallMs, t.stallCpuMs, t.openStallMs);
    }
    std::printf("  node CPU %.2f s over the benchmark\n",
                BenchCluster::cpuSeconds(cluster.nodePid(node)));
    return 0;
}
