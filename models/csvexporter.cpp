#include "csvexporter.h"

#include "connectionparams.h"
#include "modelstr.h"
#include "spreadsheetcsv.h"

#include <store/historyquery.h>
#include <store/runstore.h>
#include <store/storeconnection.h>

#include <QPointer>
#include <QSaveFile>
#include <QTimeZone>

namespace Cronhelm {

CsvExporter::CsvExporter(const QString &conninfo, QObject *parent)
    : QObject(parent)
    , m_conninfo(withAppConnectDefaults(conninfo))
{}

CsvExporter::~CsvExporter()
{
    if (m_thread) {
        if (m_cancel)
            m_cancel->store(true);
        m_thread->wait();
    }
}

bool CsvExporter::isRunning() const
{
    return m_thread && m_thread->isRunning();
}

void CsvExporter::cancel()
{
    if (m_cancel)
        m_cancel->store(true);
}

namespace {

constexpr int kSpreadsheetPage = 2000;

// The spreadsheet form: keyset pages in the table's order, each row as the table shows it.
Result<qint64> writeSpreadsheet(StoreConnection &connection, const RunFilter &filter,
                                const HistorySort &sort, const QString &zoneId, QIODevice &out,
                                const std::function<bool(qint64)> &progress)
{
    const QTimeZone zone(zoneId.toUtf8());
    const SpreadsheetCsv csv(zone.isValid() ? zone : QTimeZone::utc());
    HistoryQuery query(connection);
    out.write(SpreadsheetCsv::byteOrderMark() + csv.header());
    qint64 rows = 0;
    std::optional<HistoryCursor> after;
    do {
        Result<HistoryPage> page = query.page(filter, sort, kSpreadsheetPage, after);
        if (!page)
            return page.error();
        QByteArray chunk;
        for (const RunRecord &run : std::as_const(page->runs))
            chunk += csv.row(run);
        if (out.write(chunk) != chunk.size())
            return Error{ErrorKind::Other, out.errorString(), {}, {}};
        rows += page->runs.size();
        if (progress && !progress(rows))
            return rows;
        after = page->next;
    } while (after);
    return rows;
}

} // namespace

void CsvExporter::start(const RunFilter &filter, const QString &path, const QString &zoneId,
                        Format format, const HistorySort &sort)
{
    if (isRunning())
        return;
    if (m_thread)
        m_thread->wait();
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    auto cancel = m_cancel;
    const QString conninfo = m_conninfo;
    QObject *home = this; // outlives the thread: the destructor waits for it
    m_thread.reset(QThread::create([=] {
        auto report = [home](auto fn) {
            QMetaObject::invokeMethod(home, fn, Qt::QueuedConnection);
        };
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly)) {
            const QString message =
                ModelsTr::tr("The file %1 cannot be written: %2").arg(path, file.errorString());
            report([home, message] { emit static_cast<CsvExporter *>(home)->failed(message); });
            return;
        }
        StoreConnection connection(conninfo);
        RunStore runs(connection);
        auto progress = [&](qint64 n) {
            report([home, n] { emit static_cast<CsvExporter *>(home)->progress(n); });
            return !cancel->load();
        };
        Result<qint64> rows = format == Format::Programs
            ? runs.exportCsv(filter, file, zoneId, progress)
            : writeSpreadsheet(connection, filter, sort, zoneId, file, progress);
        if (cancel->load()) {
            file.cancelWriting();
            report([home] { emit static_cast<CsvExporter *>(home)->cancelled(); });
            return;
        }
        if (!rows) {
            file.cancelWriting();
            const QString message = rows.errorMessage();
            report([home, message] { emit static_cast<CsvExporter *>(home)->failed(message); });
            return;
        }
        if (!file.commit()) {
            const QString message =
                ModelsTr::tr("The file %1 cannot be written: %2").arg(path, file.errorString());
            report([home, message] { emit static_cast<CsvExporter *>(home)->failed(message); });
            return;
        }
        const qint64 count = *rows;
        report([home, count] { emit static_cast<CsvExporter *>(home)->finished(count); });
    }));
    m_thread->setObjectName(QStringLiteral("cronhelm-csv-export"));
    m_thread->start();
}

} // namespace Cronhelm
