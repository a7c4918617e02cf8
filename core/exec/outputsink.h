#pragma once

#include "runoutcome.h"
#include <domain/logtext.h>

#include <QByteArray>
#include <QObject>
#include <QTimer>

namespace Cronhelm {

// Turns the raw bytes a job produces into log pieces for the node: coalesced (at most one
// piece per ~50 ms or per 64 KiB, cut after a newline where possible), turned into text
// byte for byte reversibly (LogText: NUL and bytes that are not UTF-8 are kept as escapes),
// ordered across streams, and capped at the job's log limit.
// Past the limit it keeps counting but drops the bytes, so memory stays bounded whatever
// the job prints.
class OutputSink : public QObject
{
    Q_OBJECT

public:
    static constexpr qsizetype pieceBytes = 64 * 1024;

    // limitBytes <= 0 means no limit.
    explicit OutputSink(qint64 limitBytes, QObject *parent = nullptr);

    // Job output (Stdout or Stderr).
    void append(LogStream stream, QByteArrayView data);
    // A line of Cronhelm's own (System). Not counted against the limit: these lines are
    // few and written by us. Flushes pending job output first, to keep the order.
    void systemLine(const QString &line);
    // Emits whatever is pending.
    void flush();
    // The end of the output (call before reporting the outcome): flushes, and keeps a
    // character left incomplete at the end as escaped bytes.
    void finish();

    qint64 producedBytes() const { return m_produced; }
    qint64 keptBytes() const { return m_kept; }
    bool truncated() const { return m_truncated; }

Q_SIGNALS:
    void output(Cronhelm::LogStream stream, const QString &text);

private:
    void emitPending(qsizetype bytes);
    LogTextEncoder &encoderFor(LogStream stream);

    qint64 m_limit;
    qint64 m_produced = 0;
    qint64 m_kept = 0;
    bool m_truncated = false;
    bool m_atLineStart = true;
    LogStream m_pendingStream = LogStream::Stdout;
    QByteArray m_pending;
    LogTextEncoder m_stdoutEncoder;
    LogTextEncoder m_stderrEncoder;
    QTimer m_flushTimer{this}; // parented: moveToThread() takes it along
};

} // namespace Cronhelm
