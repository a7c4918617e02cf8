#pragma once

#include <domain/enums.h>

#include <QWidget>

class QAbstractItemModel;

namespace Cronhelm {

// A small bar chart of recent run durations, coloured by outcome, newest on the right.
// Reads the rows of a RunHistoryModel (newest first); hover shows a run, click opens it.
class DurationChart : public QWidget
{
    Q_OBJECT

public:
    explicit DurationChart(QWidget *parent = nullptr);

    void setModel(QAbstractItemModel *model);
    void setMaximumRuns(int runs);
    // The bars drawn, oldest first (for tests): run id, duration in ms, status.
    struct Bar
    {
        qint64 runId = 0;
        qint64 durationMs = 0;
        RunStatus status = RunStatus::Queued;
        QRectF rect;
    };
    QList<Bar> bars() const { return m_bars; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    void runClicked(qint64 runId);

protected:
    void paintEvent(QPaintEvent *event) override;
    bool event(QEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;

private:
    void collect();
    int barAt(const QPointF &pos) const;

    QAbstractItemModel *m_model = nullptr;
    int m_maximumRuns = 60;
    QList<Bar> m_bars;
};

} // namespace Cronhelm
