#include "upcomingview.h"

#include "columnsizer.h"

#include <displayformat.h>
#include <upcomingmodel.h>

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QHelpEvent>
#include <QLabel>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QTableView>
#include <QToolTip>
#include <QVBoxLayout>

namespace Cronhelm {

namespace {
constexpr int kMargin = 12;
constexpr int kAxisHeight = 18;
} // namespace

UpcomingTimeline::UpcomingTimeline(UpcomingModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
{
    setObjectName(QStringLiteral("upcomingTimeline"));
    setMouseTracking(true);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    connect(model, &QAbstractItemModel::modelReset, this, [this] { update(); });
}

QSize UpcomingTimeline::sizeHint() const
{
    return {600, 76};
}

QSize UpcomingTimeline::minimumSizeHint() const
{
    return {200, 76};
}

qreal UpcomingTimeline::xFor(const QDateTime &at) const
{
    const QDateTime start = m_model->windowStart();
    const qint64 span = std::max<qint64>(1, start.msecsTo(m_model->windowEnd()));
    const qreal fraction = qreal(start.msecsTo(at)) / qreal(span);
    return kMargin + fraction * (width() - 2 * kMargin);
}

void UpcomingTimeline::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QPalette &pal = palette();
    p.fillRect(rect(), pal.color(QPalette::Base));
    p.setPen(pal.color(QPalette::Mid));
    p.drawRect(rect().adjusted(0, 0, -1, -1));
    if (!m_model->windowStart().isValid())
        return;
    const qreal axisY = height() - kAxisHeight;
    p.setPen(pal.color(QPalette::Text));
    p.drawLine(QPointF(kMargin, axisY), QPointF(width() - kMargin, axisY));

    // Ticks: every 3 hours over a day, every day over a week (at local midnight).
    const QTimeZone viewer = Display::viewerZone();
    const bool week = m_model->windowHours() > 48;
    QDateTime tick = m_model->windowStart().toTimeZone(viewer);
    tick = week
        ? QDateTime(tick.date().addDays(1), QTime(0, 0), viewer)
        : QDateTime(tick.date(), QTime(tick.time().hour() / 3 * 3, 0), viewer).addSecs(3 * 3600);
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    p.setFont(small);
    while (tick < m_model->windowEnd()) {
        const qreal x = xFor(tick);
        p.setPen(pal.color(QPalette::Mid));
        p.drawLine(QPointF(x, 4), QPointF(x, axisY + 3));
        p.setPen(pal.color(QPalette::Text));
        const QString label = week ? QLocale().toString(tick.date(), QStringLiteral("ddd d"))
                                   : QLocale().toString(tick.time(), QStringLiteral("HH:mm"));
        p.drawText(QRectF(x - 40, axisY + 2, 80, kAxisHeight - 2), Qt::AlignCenter, label);
        tick = week ? tick.addDays(1) : tick.addSecs(3 * 3600);
    }

    const QList<UpcomingEntry> entries = m_model->entries();
    const qreal top = 8;
    const qreal bottom = axisY - 4;
    for (const UpcomingEntry &e : entries) {
        const qreal x = xFor(e.at);
        switch (e.kind) {
        case UpcomingEntry::Kind::Transition: {
            QPen pen(QColor(0xda, 0x44, 0x53), 1.5, Qt::DashLine);
            p.setPen(pen);
            p.drawLine(QPointF(x, 2), QPointF(x, axisY));
            break;
        }
        case UpcomingEntry::Kind::Frequent: {
            const qreal x2 = xFor(e.last);
            p.setPen(Qt::NoPen);
            QColor band = pal.color(QPalette::Highlight);
            band.setAlpha(60);
            p.setBrush(band);
            p.drawRect(QRectF(x, bottom - 10, std::max<qreal>(2, x2 - x), 6));
            break;
        }
        case UpcomingEntry::Kind::OneOff: {
            QPainterPath diamond;
            const qreal cy = top + 8;
            diamond.moveTo(x, cy - 6);
            diamond.lineTo(x + 6, cy);
            diamond.lineTo(x, cy + 6);
            diamond.lineTo(x - 6, cy);
            diamond.closeSubpath();
            p.setPen(Qt::NoPen);
            p.setBrush(QColor(0xf6, 0x74, 0x00));
            p.drawPath(diamond);
            break;
        }
        case UpcomingEntry::Kind::Fire:
            p.setPen(QPen(pal.color(QPalette::Highlight), 2));
            p.drawLine(QPointF(x, top + 18), QPointF(x, bottom - 14));
            break;
        }
    }
}

int UpcomingTimeline::entryAt(const QPointF &pos) const
{
    const QList<UpcomingEntry> entries = m_model->entries();
    int best = -1;
    qreal bestDistance = 5;
    for (int i = 0; i < entries.size(); ++i) {
        const qreal d = qAbs(xFor(entries.at(i).at) - pos.x());
        if (d <= bestDistance) {
            best = i;
            bestDistance = d;
        }
    }
    return best;
}

bool UpcomingTimeline::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const int i = entryAt(help->pos());
        if (i < 0) {
            QToolTip::hideText();
            return true;
        }
        const QModelIndex row = m_model->index(i, UpcomingModel::When);
        QString text = row.data().toString() + QLatin1Char('\n')
            + m_model->index(i, UpcomingModel::Job).data().toString();
        const QString note = m_model->index(i, UpcomingModel::Note).data().toString();
        if (!note.isEmpty())
            text += QLatin1Char('\n') + note;
        QToolTip::showText(help->globalPos(), text, this);
        return true;
    }
    return QWidget::event(event);
}

void UpcomingTimeline::mousePressEvent(QMouseEvent *event)
{
    const int i = entryAt(event->position());
    if (i >= 0 && event->button() == Qt::LeftButton) {
        const qint64 job = m_model->entries().at(i).jobId;
        if (job)
            emit jobClicked(job);
    }
    QWidget::mousePressEvent(event);
}

UpcomingView::UpcomingView(JobsModel *jobs, QWidget *parent)
    : QWidget(parent)
    , m_model(new UpcomingModel(jobs, this))
    , m_window(new QComboBox(this))
    , m_timeline(new UpcomingTimeline(m_model, this))
    , m_table(new QTableView(this))
    , m_summary(new QLabel(this))
{
    m_window->setObjectName(QStringLiteral("upcomingWindow"));
    m_window->addItem(tr("Next 24 hours"), 24);
    m_window->addItem(tr("Next 7 days"), 24 * 7);
    connect(m_window, &QComboBox::currentIndexChanged, this,
            [this] { m_model->setWindowHours(m_window->currentData().toInt()); });
    m_table->setObjectName(QStringLiteral("upcomingTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    new ColumnSizer(m_table,
                    {{UpcomingModel::When, 9},
                     {UpcomingModel::Job, 8, 320},
                     {UpcomingModel::JobTime, 7},
                     {UpcomingModel::Note, 6, 0, 200}},
                    UpcomingModel::Note);
    connect(m_table, &QTableView::activated, this, [this](const QModelIndex &index) {
        if (const qint64 job = index.data(UpcomingModel::JobIdRole).toLongLong())
            emit jobRequested(job);
    });
    connect(m_timeline, &UpcomingTimeline::jobClicked, this, &UpcomingView::jobRequested);
    connect(m_model, &UpcomingModel::computed, this, [this] {
        int runs = 0;
        int changes = 0;
        for (const UpcomingEntry &e : m_model->entries()) {
            if (e.kind == UpcomingEntry::Kind::Transition)
                ++changes;
            else
                runs += e.count;
        }
        QString text = tr("%n run(s) ahead, shown in your time zone (%1).", nullptr, runs)
                           .arg(QString::fromUtf8(Display::viewerZone().id()));
        if (changes > 0)
            text += QLatin1Char(' ')
                + tr("%n clock change(s) in the jobs' time zones.", nullptr, changes);
        m_summary->setText(text);
    });

    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Show:"), this));
    top->addWidget(m_window);
    top->addWidget(m_summary, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_timeline);
    layout->addWidget(m_table, 1);
}

} // namespace Cronhelm
