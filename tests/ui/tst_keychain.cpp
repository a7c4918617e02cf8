// Passwords in a real system keychain (gnome-keyring on a private D-Bus session; run by
// with-keyring.sh), never in the settings file.

#include "uitestsupport.h"

#include <connectiondialog.h>
#include <connectionprofiles.h>
#include <passwordstore.h>
#include <storeclient.h>

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>

using namespace Cronhelm;
using namespace Cronhelm::Test;

class TestKeychain : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void roundTrip();
    void dialogRemembersPasswordInKeychainOnly();
};

void TestKeychain::initTestCase()
{
    prepareGuiTestEnvironment();
    QSettings().clear();
}

void TestKeychain::roundTrip()
{
    PasswordStore store;
    std::optional<Status> written;
    store.write(QStringLiteral("maria@db:5432/cronhelm"), QStringLiteral("s3cret pw"),
                [&written](Status s) { written = s; });
    QTRY_VERIFY_WITH_TIMEOUT(written.has_value(), 10000);
    QVERIFY2(written->ok(), qPrintable(written->errorMessage()));

    std::optional<Result<QString>> read;
    store.read(QStringLiteral("maria@db:5432/cronhelm"), [&read](Result<QString> r) { read = r; });
    QTRY_VERIFY_WITH_TIMEOUT(read.has_value(), 10000);
    QVERIFY2(read->ok(), qPrintable(read->errorMessage()));
    QCOMPARE(read->value(), QStringLiteral("s3cret pw"));

    std::optional<Result<QString>> missing;
    store.read(QStringLiteral("nobody@nowhere:1/x"),
               [&missing](Result<QString> r) { missing = r; });
    QTRY_VERIFY_WITH_TIMEOUT(missing.has_value(), 10000);
    QCOMPARE(missing->errorKind(), ErrorKind::NotFound);
}

void TestKeychain::dialogRemembersPasswordInKeychainOnly()
{
    CH_DATABASE(db);
    StoreClient client;
    PasswordStore passwords;
    {
        ConnectionDialog dialog(&client, &passwords);
        dialog.show();
        dialog.findChild<QLineEdit *>(QStringLiteral("hostEdit"))
            ->setText(TestDatabase::serverHost());
        dialog.findChild<QSpinBox *>(QStringLiteral("portSpin"))
            ->setValue(TestDatabase::serverPort().toInt());
        dialog.findChild<QLineEdit *>(QStringLiteral("databaseEdit"))->setText(db->name());
        dialog.findChild<QLineEdit *>(QStringLiteral("userEdit"))
            ->setText(QStringLiteral("cronhelm"));
        dialog.findChild<QLineEdit *>(QStringLiteral("passwordEdit"))
            ->setText(QStringLiteral("hunter2"));
        dialog.findChild<QCheckBox *>(QStringLiteral("rememberCheck"))->setChecked(true);
        dialog.findChild<QLineEdit *>(QStringLiteral("profileNameEdit"))
            ->setText(QStringLiteral("Prod"));
        auto *mode = dialog.findChild<QComboBox *>(QStringLiteral("sslModeCombo"));
        mode->setCurrentIndex(mode->findData(QStringLiteral("disable")));
        QSignalSpy accepted(&dialog, &QDialog::accepted);
        dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
        QVERIFY(accepted.wait(10000));
    }
    const ConnectionProfile profile = *ConnectionProfiles::load(QStringLiteral("Prod"));
    std::optional<Result<QString>> stored;
    passwords.read(profile.keychainKey(), [&stored](Result<QString> r) { stored = r; });
    QTRY_VERIFY_WITH_TIMEOUT(stored.has_value(), 10000);
    QVERIFY2(stored->ok(), qPrintable(stored->errorMessage()));
    QCOMPARE(stored->value(), QStringLiteral("hunter2"));
    QSettings settings;
    settings.sync();
    QFile file(settings.fileName());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(!file.readAll().contains("hunter2"));

    // Next session: the password comes back from the keychain.
    ConnectionDialog again(&client, &passwords);
    again.selectProfile(QStringLiteral("Prod"));
    QTRY_COMPARE_WITH_TIMEOUT(again.findChild<QLineEdit *>(QStringLiteral("passwordEdit"))->text(),
                              QStringLiteral("hunter2"), 10000);
    QVERIFY(again.keychainNote().contains(QLatin1String("filled in")));
}

QTEST_MAIN(TestKeychain)
#include "tst_keychain.moc"
