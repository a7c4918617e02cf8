#pragma once

#include <domain/records.h>

#include <QObject>
#include <QThread>

#include <atomic>
#include <memory>

namespace Cronhelm {

// Exports the filtered run history to a CSV file (RunStore::exportCsv: streamed from
// PostgreSQL's COPY, constant memory) on a thread and connection of its own, so a long
// export neither blocks the GUI nor the session that keeps the lists live. The file
// appears only when the export completed (QSaveFile); a cancelled export leaves nothing.
class CsvExporter : public QObject
{
    Q_OBJECT

public:
    explicit CsvExporter(const QString &conninfo, QObject *parent = nullptr);
    // Cancels a running export and waits for its thread.
    ~CsvExporter() override;

    // zoneId: the zone of the *_local columns (the viewer's).
    void start(const RunFilter &filter, const QString &path, const QString &zoneId);
    void cancel();
    bool isRunning() const;

signals:
    void progress(qint64 rows);
    void finished(qint64 rows);
    void failed(const QString &message);
    void cancelled();

private:
    QString m_conninfo;
    std::unique_ptr<QThread> m_thread;
    std::shared_ptr<std::atomic<bool>> m_cancel;
};

} // namespace Cronhelm
