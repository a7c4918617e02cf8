#include "connectionstatus.h"

#include <clustermodel.h>
#include <displayformat.h>
#include <permissions.h>
#include <storeclient.h>

#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <QTimer>
#include <QToolButton>

namespace Cronhelm {

ConnectionStatus::ConnectionStatus(StoreClient *client, ClusterModel *cluster, QWidget *parent)
    : QWidget(parent)
    , m_client(client)
    , m_cluster(cluster)
    , m_stateIcon(new QLabel(this))
    , m_state(new QLabel(this))
    , m_reconnect(new QToolButton(this))
    , m_role(new QLabel(this))
    , m_executorIcon(new QLabel(this))
    , m_executor(new QLabel(this))
    , m_countdown(new QTimer(this))
{
    m_state->setObjectName(QStringLiteral("connectionState"));
    m_executor->setObjectName(QStringLiteral("executorLabel"));
    m_reconnect->setText(tr("Reconnect Now"));
    m_reconnect->setAutoRaise(true);
    connect(m_reconnect, &QToolButton::clicked, client, &StoreClient::reconnectNow);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stateIcon);
    layout->addWidget(m_state);
    layout->addWidget(m_reconnect);
    layout->addSpacing(16);
    layout->addWidget(m_role);
    layout->addSpacing(16);
    layout->addWidget(m_executorIcon);
    layout->addWidget(m_executor);
    layout->addStretch();
    m_countdown->setInterval(500);
    connect(m_countdown, &QTimer::timeout, this, &ConnectionStatus::update);
    connect(client, &StoreClient::stateChanged, this, [this] {
        m_retryAt = m_client->retryInMs() >= 0
            ? QDateTime::currentMSecsSinceEpoch() + m_client->retryInMs()
            : 0;
        update();
    });
    connect(cluster, &ClusterModel::statusChanged, this, &ConnectionStatus::updateExecutor);
    update();
    updateExecutor();
}

QString ConnectionStatus::stateText() const
{
    return m_state->text();
}

QString ConnectionStatus::executorText() const
{
    return m_executor->text();
}

void ConnectionStatus::update()
{
    const ConnectionState state = m_client->state();
    QString icon;
    QString text;
    switch (state) {
    case ConnectionState::Connected:
        icon = QStringLiteral("conn-connected");
        text = tr("Connected");
        break;
    case ConnectionState::Connecting:
        icon = QStringLiteral("conn-reconnecting");
        text = tr("Connecting…");
        break;
    case ConnectionState::Reconnecting: {
        icon = QStringLiteral("conn-reconnecting");
        const qint64 left = (m_retryAt - QDateTime::currentMSecsSinceEpoch() + 999) / 1000;
        text = left > 0 ? tr("Connection lost. Reconnecting in %n s…", nullptr, int(left))
                        : tr("Connection lost. Reconnecting…");
        break;
    }
    case ConnectionState::Offline:
        icon = QStringLiteral("conn-offline");
        text = tr("Offline");
        break;
    }
    m_stateIcon->setPixmap(Display::icon(icon).pixmap(12, 12));
    m_state->setText(text);
    setToolTip(m_client->stateMessage());
    m_reconnect->setVisible(
        state == ConnectionState::Reconnecting
        || (state == ConnectionState::Offline && !m_client->conninfo().isEmpty()));
    if (state == ConnectionState::Reconnecting)
        m_countdown->start();
    else
        m_countdown->stop();
    if (state == ConnectionState::Connected) {
        m_role->setText(tr("Role: %1").arg(roleDisplayName(m_client->role())));
        m_role->setToolTip(m_client->session().target);
        m_role->show();
    } else {
        m_role->hide();
    }
    updateExecutor();
}

void ConnectionStatus::updateExecutor()
{
    const bool known = m_client->isConnected() && m_cluster->hasStatus();
    m_executor->setVisible(known);
    m_executorIcon->setVisible(known);
    if (!known)
        return;
    const bool none = m_cluster->lease().executor.isEmpty();
    m_executorIcon->setPixmap(
        Display::icon(none ? QStringLiteral("warning") : QStringLiteral("executor"))
            .pixmap(14, 14));
    m_executor->setText(m_cluster->executorSummary());
}

} // namespace Cronhelm
