#include "connectionstatus.h"

#include <clustermodel.h>
#include <displayformat.h>
#include <permissions.h>
#include <storeclient.h>

#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
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
    , m_securityIcon(new QLabel(this))
    , m_security(new QLabel(this))
    , m_role(new QLabel(this))
    , m_executorIcon(new QLabel(this))
    , m_executor(new QLabel(this))
    , m_countdown(new QTimer(this))
{
    m_state->setObjectName(QStringLiteral("connectionState"));
    m_executor->setObjectName(QStringLiteral("executorLabel"));
    m_security->setObjectName(QStringLiteral("securityLabel"));
    m_reconnect->setText(tr("Reconnect Now"));
    m_reconnect->setAutoRaise(true);
    connect(m_reconnect, &QToolButton::clicked, client, &StoreClient::reconnectNow);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stateIcon);
    layout->addWidget(m_state);
    layout->addWidget(m_reconnect);
    layout->addSpacing(16);
    layout->addWidget(m_securityIcon);
    layout->addWidget(m_security);
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
    connect(cluster, &ClusterModel::statusChanged, this, [this] {
        m_clusterProblem.clear();
        updateExecutor();
    });
    // A failed refresh leaves the last known executor shown: say that it is not current.
    connect(cluster, &ClusterModel::refreshFailed, this, [this](const QString &message) {
        m_clusterProblem = message;
        updateExecutor();
    });
    // Every (re)connect may reach another server, or the same one another way.
    connect(client, &StoreClient::connected, this, &ConnectionStatus::readSecurity);
    m_securityIcon->hide();
    m_security->hide();
    update();
    if (client->isConnected())
        readSecurity();
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

QString ConnectionStatus::executorToolTip() const
{
    return m_executor->toolTip();
}

QString ConnectionStatus::securityText() const
{
    return m_security->isHidden() ? QString() : m_security->text();
}

void ConnectionStatus::readSecurity()
{
    m_client->fetchConnectionSecurity(this, [this](Result<ConnectionSecurity> read) {
        if (!read || !m_client->isConnected()) {
            m_security->hide();
            m_securityIcon->hide();
            return;
        }
        const ConnectionSecurity &s = *read;
        QString icon = QStringLiteral("warning");
        QString text;
        QString why;
        //: %1 TLS version, %2 cipher, %3 libpq sslmode (e.g. "verify-full")
        const QString tls = tr("TLS %1 (%2), sslmode=%3").arg(s.tlsVersion, s.cipher, s.sslMode);
        if (s.localSocket) {
            icon = QStringLiteral("info");
            text = tr("Local connection");
            why = tr("The connection goes through a socket on this computer, not over the "
                     "network: it needs no encryption.");
        } else if (!s.encrypted) {
            text = tr("Not encrypted");
            why = tr("Anyone on the network path can read and change what Cronhelm sends, "
                     "passwords included (sslmode=%1). Connect with TLS and "
                     "verify-full.")
                      .arg(s.sslMode);
        } else if (s.serverVerified()) {
            icon = QStringLiteral("conn-connected");
            text = tr("Encrypted, server verified");
            why = tr("%1: the server's certificate is signed by a trusted CA and names this "
                     "server.")
                      .arg(tls);
        } else if (s.certificateVerified()) {
            text = tr("Encrypted, server name not checked");
            why = tr("%1: the certificate is signed by a trusted CA, but any server with such "
                     "a certificate could pose as this one. Use verify-full.")
                      .arg(tls);
        } else {
            text = tr("Encrypted, server not verified");
            why = tr("%1: the server's certificate was not checked, so someone on the network "
                     "path could pose as it. Use verify-full.")
                      .arg(tls);
        }
        m_securityIcon->setPixmap(Display::icon(icon).pixmap(12, 12));
        m_security->setText(text);
        m_security->setToolTip(why);
        m_securityIcon->setToolTip(why);
        m_security->show();
        m_securityIcon->show();
    });
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
    if (state != ConnectionState::Connected) {
        m_security->hide();
        m_securityIcon->hide();
    }
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
    const bool connected = m_client->isConnected();
    const bool known = connected && m_cluster->hasStatus();
    const bool failed = connected && !m_clusterProblem.isEmpty();
    m_executor->setVisible(known || failed);
    m_executorIcon->setVisible(known || failed);
    if (!known && !failed)
        return;
    QString text;
    QString toolTip;
    bool warn = failed;
    if (!known) {
        text = tr("Cluster unknown");
        toolTip = tr("The cluster could not be read: %1").arg(m_clusterProblem);
    } else {
        const bool none = m_cluster->lease().executor.isEmpty();
        warn = warn || none;
        text = none ? m_cluster->executorStatusText()
                    : tr("%1 · %2").arg(m_cluster->executorStatusText(), m_cluster->slotsSummary());
        toolTip = m_cluster->executorStatusToolTip();
        if (failed) {
            const QString asOf =
                QLocale().toString(m_cluster->lastRefreshed().time(), QLocale::ShortFormat);
            //: %1 what the status bar says of the executor, %2 a time of day
            text = tr("%1 (as of %2)").arg(text, asOf);
            //: %1 a time of day, %2 the reason
            toolTip =
                tr("The cluster could not be refreshed since %1: %2").arg(asOf, m_clusterProblem);
        }
    }
    m_executorIcon->setPixmap(
        Display::icon(warn ? QStringLiteral("warning") : QStringLiteral("executor"))
            .pixmap(14, 14));
    m_executor->setText(text);
    m_executor->setToolTip(toolTip);
    m_executorIcon->setToolTip(toolTip);
}

} // namespace Cronhelm
