#pragma once

#include <domain/records.h>

#include <QDialog>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace Cronhelm {

class LogTail;
class MessageBar;
class StoreClient;

// A run's log in a window of its own: what the job printed (errors in red, Cronhelm's own
// lines in grey), followed live while the run goes on. Following scrolls along with new
// output and pauses as soon as the user scrolls up; find-in-log; save to a file; a clear
// mark where the output was cut at the job's log limit.
class LogViewer : public QDialog
{
    Q_OBJECT

public:
    LogViewer(StoreClient *client, qint64 runId, QWidget *parent = nullptr);

    qint64 runId() const { return m_runId; }
    QPlainTextEdit *text() const { return m_text; }
    bool isFollowing() const;
    bool isTruncationShown() const;
    LogTail *tail() const { return m_tail; }

    // Finds the next (or previous) match of the find box's text; false when none.
    bool find(bool backwards = false);
    void setFindText(const QString &text);
    // Writes the log to `path`; false (with a message) on failure.
    bool saveTo(const QString &path);

private:
    void append(const QList<LogChunk> &chunks);
    void showRun(const RunRecord &run);
    void followToggled(bool on);
    void scrolled(int value);
    void saveAs();
    void stopFollowingWhenComplete();
    void updateTruncation();

    StoreClient *m_client;
    qint64 m_runId;
    LogTail *m_tail;
    RunRecord m_run;
    MessageBar *m_messages;
    QLabel *m_title;
    QLabel *m_details;
    QPlainTextEdit *m_text;
    QCheckBox *m_follow;
    QPushButton *m_jumpToEnd;
    QPushButton *m_cancelRun;
    QWidget *m_findBar;
    QLineEdit *m_findEdit;
    QCheckBox *m_matchCase;
    QLabel *m_findStatus;
    bool m_appending = false;
    bool m_truncationMarked = false;
    QString m_lastStream;
    bool m_atLineStart = true;
};

} // namespace Cronhelm
