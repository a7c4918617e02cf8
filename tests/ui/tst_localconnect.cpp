#include "uitestsupport.h"

#include "../local/localtesthelpers.h"

#include <clustermodel.h>
#include <clusterview.h>
#include <connectiondialog.h>
#include <connectionprofiles.h>
#include <connectionstatus.h>
#include <local/localstack.h>
#include <local/localstore.h>
#include <localstorecontroller.h>
#include <mainwindow.h>
#include <messagebar.h>
#include <passwordstore.h>
#include <startup.h>
#include <storeclient.h>

#include <QLabel>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QTableView>

using namespace Cronhelm;
using namespace Cronhelm::Test;

// "Use a local store on this computer" in the connection dialog: a private server and the
// embedded node, started for real (in a directory under /tmp), connected, shown in the
// cluster view, and stopped again when the app closes.
class TestLocalConnect : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void localChoiceIsHiddenWithoutAStack();
    void localChoiceConnectsAndClosingStopsIt();
    void failureIsShownInTheDialog();
    void failureOfAStartFromTheWindowOffersTryAgain();
};

namespace {

bool clusterShowsNode(ClusterModel *model, const QString &nodeId)
{
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, 0).data(ClusterModel::NodeIdRole).toString() == nodeId)
            return true;
    }
    return false;
}

} // namespace

void TestLocalConnect::initTestCase()
{
    prepareGuiTestEnvironment();
    qunsetenv("DBUS_SESSION_BUS_ADDRESS");
    qunsetenv("CRONHELM_PG_BINDIR");
}

void TestLocalConnect::init()
{
    QSettings().clear();
}

void TestLocalConnect::localChoiceIsHiddenWithoutAStack()
{
    StoreClient client;
    PasswordStore passwords;
    ConnectionDialog dialog(&client, &passwords);
    dialog.show();
    QVERIFY(dialog.findChild<QPushButton *>(QStringLiteral("localButton"))->isHidden());
}

void TestLocalConnect::localChoiceConnectsAndClosingStopsIt()
{
    LocalRoot root;
    LocalStack::Options options;
    options.root = root.path();
    options.shutdownGrace = std::chrono::milliseconds(1000);
    LocalStack local(options);
    StoreClient client;
    MainWindow window(&client);
    window.setLocalStack(&local);
    window.show();
    window.clusterModel()->setPollInterval(300);

    // The dialog deletes itself once connected.
    QPointer<ConnectionDialog> dialog = window.showConnectionDialog();
    auto *button = dialog->findChild<QPushButton *>(QStringLiteral("localButton"));
    QVERIFY(button->isVisible());
    QSignalSpy accepted(dialog.data(), &QDialog::accepted);
    button->click();
    QVERIFY(!button->isEnabled()); // while starting
    QTRY_VERIFY_WITH_TIMEOUT(
        accepted.count() == 1
            || (dialog && dialog->messageBar()->type() == MessageBar::Type::Error),
        120000);
    QVERIFY2(accepted.count() == 1, dialog ? qPrintable(dialog->messageBar()->text()) : "");
    QCOMPARE(client.state(), ConnectionState::Connected);
    QCOMPARE(client.conninfo(), local.conninfo());
    QVERIFY(local.startedServer());
    QVERIFY(ConnectionProfiles::lastUsedLocal());
    QTRY_VERIFY_WITH_TIMEOUT(
        window.messageBar()->text().contains(QLatin1String("local store on this computer")), 5000);

    // The embedded node is a node of the store: in the cluster view and, as the only node,
    // the executor in the status bar.
    QVERIFY(local.nodeId().endsWith(QLatin1String("-desktop")));
    QTRY_VERIFY_WITH_TIMEOUT(clusterShowsNode(window.clusterModel(), local.nodeId()), 20000);
    QTRY_VERIFY_WITH_TIMEOUT(window.connectionStatus()->executorText().contains(local.nodeId()),
                             20000);

    // Closing the app: the node stops (handing the lease over), then the server it started.
    window.close();
    stopLocalStore(client, local);
    QVERIFY(!local.isActive());
    QVERIFY(!LocalStore(root.path()).isServerRunning());
    QFile log(root.path() + QStringLiteral("/desktop-node.log"));
    QVERIFY(log.open(QIODevice::ReadOnly));
    const QByteArray text = log.readAll();
    QVERIFY2(text.contains("handing over the lease") && text.contains(" stopped"),
             text.right(2000).constData());
}

void TestLocalConnect::failureIsShownInTheDialog()
{
    LocalRoot root;
    qputenv("CRONHELM_PG_BINDIR", "/nonexistent/pg/bin");
    LocalStack::Options options;
    options.root = root.path();
    LocalStack local(options);
    StoreClient client;
    LocalStoreController controller(&client);
    controller.setStack(&local);
    PasswordStore passwords;
    ConnectionDialog dialog(&client, &passwords);
    dialog.setLocalStore(&controller);
    dialog.show();
    auto *button = dialog.findChild<QPushButton *>(QStringLiteral("localButton"));
    button->click();
    QTRY_VERIFY_WITH_TIMEOUT(dialog.messageBar()->type() == MessageBar::Type::Error, 20000);
    QVERIFY2(dialog.messageBar()->text().contains(QLatin1String("sudo apt install postgresql")),
             qPrintable(dialog.messageBar()->text()));
    QVERIFY(dialog.isVisible());
    QVERIFY(button->isEnabled());
    QVERIFY(!ConnectionProfiles::lastUsedLocal());
    qunsetenv("CRONHELM_PG_BINDIR");
}

// `cronhelm --local` and the next start after choosing it start from the window, not the
// dialog: the same controller reports there, with a way to try again or connect elsewhere.
void TestLocalConnect::failureOfAStartFromTheWindowOffersTryAgain()
{
    LocalRoot root;
    qputenv("CRONHELM_PG_BINDIR", "/nonexistent/pg/bin");
    LocalStack::Options options;
    options.root = root.path();
    LocalStack local(options);
    StoreClient client;
    MainWindow window(&client);
    window.setLocalStack(&local);
    window.show();
    window.connectToLocalStore();
    QVERIFY(window.messageBar()->text().contains(QLatin1String("Starting the local store")));
    QTRY_VERIFY_WITH_TIMEOUT(window.messageBar()->type() == MessageBar::Type::Error, 20000);
    QVERIFY2(window.messageBar()->text().contains(QLatin1String("sudo apt install postgresql")),
             qPrintable(window.messageBar()->text()));
    QPushButton *tryAgain = nullptr;
    for (QPushButton *button : window.messageBar()->findChildren<QPushButton *>()) {
        if (button->text() == QLatin1String("Try Again"))
            tryAgain = button;
    }
    QVERIFY2(tryAgain, qPrintable(window.messageBar()->actionTexts().join(u',')));
    QTest::mouseClick(tryAgain, Qt::LeftButton);
    QVERIFY(window.messageBar()->text().contains(QLatin1String("Starting the local store")));
    QTRY_VERIFY_WITH_TIMEOUT(window.messageBar()->type() == MessageBar::Type::Error, 20000);
    QVERIFY(!ConnectionProfiles::lastUsedLocal());
    QCOMPARE(client.state(), ConnectionState::Offline);
    qunsetenv("CRONHELM_PG_BINDIR");
}

QTEST_MAIN(TestLocalConnect)
#include "tst_localconnect.moc"
