#pragma once

#include <QFrame>
#include <QList>

class QAction;
class QHBoxLayout;
class QLabel;
class QTimer;
class QToolButton;

namespace Cronhelm {

// An inline, non-modal message with optional actions (Retry, Reload, Show log...), shown
// above the content it is about, in the manner of KDE's KMessageWidget or Qt Creator's
// InfoBar. Hidden while empty.
class MessageBar : public QFrame
{
    Q_OBJECT

public:
    enum class Type { Information, Warning, Error };

    explicit MessageBar(QWidget *parent = nullptr);

    // Replaces the current message. The bar does not own the actions; each button triggers
    // its action and then closes the bar. With a timeout, the message goes by itself after
    // that many milliseconds (unless another replaced it), but not while the pointer is over
    // it: news that needs no answer should not pile up, nor vanish under the user's hand.
    void showMessage(Type type, const QString &text, const QList<QAction *> &actions = {},
                     int timeoutMs = 0);
    void clearMessage();
    QString text() const;
    Type type() const { return m_type; }
    // The buttons' texts, for tests.
    QStringList actionTexts() const;
    // Presses the button of the action with this text; false when there is none.
    bool trigger(const QString &actionText);

signals:
    void closed();

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyColours();

    Type m_type = Type::Information;
    QLabel *m_icon;
    QLabel *m_text;
    QHBoxLayout *m_buttons;
    QToolButton *m_close;
    QList<QAction *> m_actions;
    QTimer *m_timeout;
};

} // namespace Cronhelm
