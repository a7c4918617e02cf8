#include "durationchart.h"

#include <displayformat.h>
#include <runhistorymodel.h>

#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

namespace Cronhelm {

namespace {

QColor statusColour(RunStatus status)
{
    switch (status) {
    case RunStatus::Succeeded:
        return QColor(0x27, 0xae, 0x60);
    case RunStatus::Failed:
        return QColor(0xda, 0x44, 0x53);
    case RunStatus::TimedOut:
        return QColor(0xf6, 0x74, 0x00);
    case RunStatus::Abandoned:
        return QColor(0x8e, 0x44, 0xad);
    case RunStatus::Running:
    case RunStatus::Queued:
        return QColor(0x3d, 0xae, 0xe9);
    case RunStatus::Cancelled:
    case RunStatus::Skipped:
        break;
    }
    return QColor(0x95, 0xa5, 0xa6);
}

constexpr int kLeftMargin = 8;
constexpr int kTopMargin = 20;
constexpr int kBottomMargin = 6;

} // namespace

DurationChart::DurationChart(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("durationChart"));
    setMouseTracking(true);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setFocusPolicy(Qt::NoFocus);
}

QSize DurationChart::sizeHint() const
{
    return {400, 110};
}

QSize DurationChart::minimumSizeHint() const
{
    return {120, 110};
}

void DurationChart::setModel(QAbstractItemModel *model)
{
    if (m_model)
        disconnect(m_model, nullptr, this, nullptr);
    m_model = model;
    if (model) {
        connect(model, &QAbstractItemModel::modelReset, this, [this] { update(); });
        connect(model, &QAbstractItemModel::layoutChanged, this, [this] { update(); });
        connect(model, &QAbstractItemModel::rowsInserted, this, [this] { update(); });
        connect(model, &QAbstractItemModel::rowsRemoved, this, [this] { update(); });
        connect(model, &QAbstractItemModel::dataChanged, this, [this] { update(); });
    }
    update();
}

void DurationChart::setMaximumRuns(int runs)
{
    m_maximumRuns = runs;
    update();
}

void DurationChart::collect()
{
    m_bars.clear();
    if (!m_model)
        return;
    const int rows = std::min(m_model->rowCount(), m_maximumRuns);
    for (int r = rows - 1; r >= 0; --r) { // the model is newest first; the chart oldest first
        const QModelIndex index = m_model->index(r, 0);
        Bar bar;
        bar.runId = index.data(RunHistoryModel::RunIdRole).toLongLong();
        bar.status = index.data(RunHistoryModel::StatusRole).value<RunStatus>();
        const QVariant ms = index.data(RunHistoryModel::DurationMsRole);
        bar.durationMs = ms.isValid() ? ms.toLongLong() : 0;
        if (bar.status == RunStatus::Queued)
            continue;
        m_bars.append(bar);
    }
}

void DurationChart::paintEvent(QPaintEvent *)
{
    collect();
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QPalette &pal = palette();
    p.fillRect(rect(), pal.color(QPalette::Base));
    p.setPen(pal.color(QPalette::Mid));
    p.drawRect(rect().adjusted(0, 0, -1, -1));

    const QRectF plot =
        QRectF(rect()).adjusted(kLeftMargin, kTopMargin, -kLeftMargin, -kBottomMargin);
    p.setPen(pal.color(QPalette::Text));
    if (m_bars.isEmpty()) {
        p.drawText(rect(), Qt::AlignCenter, tr("No runs yet."));
        return;
    }
    qint64 longest = 1;
    for (const Bar &bar : std::as_const(m_bars))
        longest = std::max(longest, bar.durationMs);
    const QString caption =
        tr("Last %n run(s) · longest %1", nullptr, int(m_bars.size())).arg(formatDuration(longest));
    p.drawText(QRectF(kLeftMargin, 2, width() - 2 * kLeftMargin, kTopMargin - 4),
               Qt::AlignLeft | Qt::AlignVCenter, caption);
    // A guide line at half the longest duration.
    QPen guide(pal.color(QPalette::Mid));
    guide.setStyle(Qt::DotLine);
    p.setPen(guide);
    const qreal half = plot.bottom() - plot.height() / 2;
    p.drawLine(QPointF(plot.left(), half), QPointF(plot.right(), half));

    const qreal slot = plot.width() / std::max<qsizetype>(m_bars.size(), 20);
    const qreal gap = std::min<qreal>(3, slot * 0.25);
    for (qsizetype i = 0; i < m_bars.size(); ++i) {
        Bar &bar = m_bars[i];
        const qreal h =
            std::max<qreal>(2, plot.height() * double(bar.durationMs) / double(longest));
        const qreal x = plot.right() - (m_bars.size() - i) * slot;
        bar.rect = QRectF(x + gap / 2, plot.bottom() - h, slot - gap, h);
        const QColor colour = statusColour(bar.status);
        if (bar.status == RunStatus::Running) {
            p.setPen(QPen(colour, 1.5, Qt::DashLine));
            p.setBrush(Qt::NoBrush);
        } else {
            p.setPen(Qt::NoPen);
            p.setBrush(colour);
        }
        p.drawRoundedRect(bar.rect, 1.5, 1.5);
    }
}

int DurationChart::barAt(const QPointF &pos) const
{
    for (qsizetype i = 0; i < m_bars.size(); ++i) {
        QRectF column = m_bars.at(i).rect;
        column.setTop(0);
        column.setBottom(height());
        if (column.contains(pos))
            return int(i);
    }
    return -1;
}

bool DurationChart::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const int i = barAt(help->pos());
        if (i < 0) {
            QToolTip::hideText();
            event->ignore();
            return true;
        }
        const Bar &bar = m_bars.at(i);
        QString text;
        if (m_model) {
            const int row = [&] {
                for (int r = 0; r < m_model->rowCount(); ++r) {
                    if (m_model->index(r, 0).data(RunHistoryModel::RunIdRole).toLongLong()
                        == bar.runId)
                        return r;
                }
                return -1;
            }();
            if (row >= 0) {
                //: %1 run id, %2 status, %3 when it was scheduled, %4 duration
                text = tr("Run %1: %2\n%3\n%4")
                           .arg(QString::number(bar.runId),
                                m_model->index(row, RunHistoryModel::Status).data().toString(),
                                m_model->index(row, RunHistoryModel::Scheduled).data().toString(),
                                m_model->index(row, RunHistoryModel::Duration).data().toString());
            }
        }
        QToolTip::showText(help->globalPos(), text, this);
        return true;
    }
    return QWidget::event(event);
}

void DurationChart::mousePressEvent(QMouseEvent *event)
{
    const int i = barAt(event->position());
    if (i >= 0 && event->button() == Qt::LeftButton)
        emit runClicked(m_bars.at(i).runId);
    QWidget::mousePressEvent(event);
}

} // namespace Cronhelm
