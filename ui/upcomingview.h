#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QTableView;

namespace Cronhelm {

class JobsModel;
class UpcomingModel;

// Draws the window of the Upcoming view as a strip: a tick per run, a wider mark for jobs
// that run often, a diamond for one-off jobs, and a dashed line where clocks change.
class UpcomingTimeline : public QWidget
{
    Q_OBJECT

public:
    explicit UpcomingTimeline(UpcomingModel *model, QWidget *parent = nullptr);
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    void jobClicked(qint64 jobId);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    bool event(QEvent *event) override;

private:
    int entryAt(const QPointF &pos) const;
    qreal xFor(const QDateTime &at) const;

    UpcomingModel *m_model;
};

// What runs next across all jobs, in the viewer's time zone: a timeline and a list.
// Clicking a job (in either) opens it.
class UpcomingView : public QWidget
{
    Q_OBJECT

public:
    UpcomingView(JobsModel *jobs, QWidget *parent = nullptr);

    UpcomingModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    QComboBox *windowCombo() const { return m_window; }

signals:
    void jobRequested(qint64 jobId);

private:
    UpcomingModel *m_model;
    QComboBox *m_window;
    UpcomingTimeline *m_timeline;
    QTableView *m_table;
    QLabel *m_summary;
};

} // namespace Cronhelm
