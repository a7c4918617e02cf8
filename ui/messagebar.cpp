#include "messagebar.h"

#include <displayformat.h>

#include <QAction>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QTimer>
#include <QToolButton>

namespace Cronhelm {

MessageBar::MessageBar(QWidget *parent)
    : QFrame(parent)
    , m_icon(new QLabel(this))
    , m_text(new QLabel(this))
    , m_buttons(new QHBoxLayout)
    , m_close(new QToolButton(this))
    , m_timeout(new QTimer(this))
{
    m_timeout->setSingleShot(true);
    connect(m_timeout, &QTimer::timeout, this, [this] {
        if (underMouse()) {
            m_timeout->start(1000); // being read: wait until the pointer leaves
            return;
        }
        clearMessage();
    });
    setObjectName(QStringLiteral("messageBar"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_text->setObjectName(QStringLiteral("messageText"));
    m_close->setAutoRaise(true);
    m_close->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    m_close->setToolTip(tr("Close this message"));
    connect(m_close, &QToolButton::clicked, this, [this] {
        clearMessage();
        emit closed();
    });
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 6, 6, 6);
    layout->addWidget(m_icon, 0, Qt::AlignTop);
    layout->addWidget(m_text, 1);
    layout->addLayout(m_buttons);
    layout->addWidget(m_close, 0, Qt::AlignTop);
    hide();
}

void MessageBar::showMessage(Type type, const QString &text, const QList<QAction *> &actions,
                             int timeoutMs)
{
    m_timeout->stop();
    if (timeoutMs > 0)
        m_timeout->start(timeoutMs);
    m_type = type;
    m_text->setText(text);
    const char *iconName = type == Type::Error ? "error"
        : type == Type::Warning                ? "warning"
                                               : "info";
    m_icon->setPixmap(Display::icon(QLatin1String(iconName)).pixmap(22, 22));
    while (QLayoutItem *item = m_buttons->takeAt(0)) {
        if (QWidget *w = item->widget())
            w->deleteLater();
        delete item;
    }
    m_actions = actions;
    for (QAction *action : actions) {
        auto *button = new QPushButton(action->icon(), action->text(), this);
        button->setToolTip(action->toolTip());
        connect(button, &QPushButton::clicked, action, [this, action] {
            clearMessage();
            action->trigger();
        });
        m_buttons->addWidget(button, 0, Qt::AlignTop);
    }
    applyColours();
    show();
}

void MessageBar::clearMessage()
{
    m_timeout->stop();
    m_text->clear();
    m_actions.clear();
    while (QLayoutItem *item = m_buttons->takeAt(0)) {
        if (QWidget *w = item->widget())
            w->deleteLater();
        delete item;
    }
    hide();
}

QString MessageBar::text() const
{
    return isVisibleTo(parentWidget()) ? m_text->text() : QString();
}

QStringList MessageBar::actionTexts() const
{
    QStringList out;
    for (QAction *action : m_actions)
        out.append(action->text());
    return out;
}

bool MessageBar::trigger(const QString &actionText)
{
    for (QAction *action : std::as_const(m_actions)) {
        if (action->text() == actionText) {
            clearMessage();
            action->trigger();
            return true;
        }
    }
    return false;
}

void MessageBar::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange) {
        // setPalette below sends PaletteChange too; only react to the outside world's.
        if (!property("applyingColours").toBool())
            applyColours();
    }
    QFrame::changeEvent(event);
}

void MessageBar::applyColours()
{
    // A tint of the system palette, so light and dark themes both read well.
    setProperty("applyingColours", true);
    QPalette p = parentWidget() ? parentWidget()->palette() : QPalette();
    const QColor base = p.color(QPalette::Window);
    const QColor accent = m_type == Type::Error ? QColor(0xda, 0x44, 0x53)
        : m_type == Type::Warning               ? QColor(0xf6, 0x74, 0x00)
                                                : p.color(QPalette::Highlight);
    auto blend = [](const QColor &a, const QColor &b, double t) {
        return QColor::fromRgbF(float(a.redF() * (1 - t) + b.redF() * t),
                                float(a.greenF() * (1 - t) + b.greenF() * t),
                                float(a.blueF() * (1 - t) + b.blueF() * t));
    };
    p.setColor(QPalette::Window, blend(base, accent, 0.18));
    setPalette(p);
    setProperty("applyingColours", false);
}

} // namespace Cronhelm
