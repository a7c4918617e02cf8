#pragma once

#include <domain/retentionpolicy.h>

#include <QDialog>

#include <memory>

namespace Ui {
class RetentionDialog;
}

namespace Cronhelm {

class MessageBar;
class RetentionSettings;
class StoreClient;

// File → History Retention…: how long the run history is kept (docs/semantics.md,
// "Retention"), and the jobs that keep their history their own way. Admins change it;
// everyone else sees it read-only, with why in a tooltip.
// Stays open when saving fails, showing why inline and putting the cursor on the value.
class RetentionDialog : public QDialog
{
    Q_OBJECT

public:
    RetentionDialog(StoreClient *client, QWidget *parent = nullptr);
    ~RetentionDialog() override;

    MessageBar *messageBar() const { return m_message; }
    RetentionSettings *settings() const { return m_settings; }

    void accept() override;

private:
    void onLoaded(const RetentionPolicy &policy);
    void onFailed(const QString &message, const QString &field);
    void updateEnabled();
    void showOverrides();

    std::unique_ptr<Ui::RetentionDialog> m_ui;
    RetentionSettings *m_settings;
    MessageBar *m_message;
    bool m_loaded = false;
};

} // namespace Cronhelm
