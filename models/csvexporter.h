#pragma once

#include <domain/historypage.h>
#include <domain/records.h>

#include <QObject>
#include <QThread>

#include <atomic>
#include <memory>

namespace Cronhelm {

// Exports the filtered run history to a CSV file on a thread and connection of its own, so a
// long export neither blocks the GUI nor the session that keeps the lists live. The file
// appears only when the export completed (QSaveFile); a cancelled export leaves nothing.
// Two forms: for a spreadsheet (SpreadsheetCsv: what the table shows, in its order, read
// page by page) and for programs (RunStore::exportCsv, byte for byte the CLI's CSV: streamed
// from PostgreSQL's COPY, constant memory).
class CsvExporter : public QObject
{
    Q_OBJECT

public:
    explicit CsvExporter(const QString &conninfo, QObject *parent = nullptr);
    // Cancels a running export and waits for its thread.
    ~CsvExporter() override;

    enum class Format { Spreadsheet, Programs };

    // zoneId: the viewer's zone (the *_local columns, or the spreadsheet's times). `sort`
    // is the table's, for the spreadsheet (the program CSV is by run id).
    void start(const RunFilter &filter, const QString &path, const QString &zoneId,
               Format format = Format::Programs, const HistorySort &sort = HistorySort());
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
