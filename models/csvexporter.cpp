#include "csvexporter.h"

#include "connectionparams.h"
#include "modelstr.h"

#include <store/runstore.h>
#include <store/storeconnection.h>

#include <QPointer>
#include <QSaveFile>

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

void CsvExporter::start(const RunFilter &filter, const QString &path, const QString &zoneId)
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
        Result<qint64> rows = runs.exportCsv(filter, file, zoneId, [&](qint64 n) {
            report([home, n] { emit static_cast<CsvExporter *>(home)->progress(n); });
            return !cancel->load();
        });
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
