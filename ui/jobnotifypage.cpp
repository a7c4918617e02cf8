#include "jobnotifypage.h"

#include "ui_jobnotifypage.h"

#include <QComboBox>
#include <QHeaderView>

namespace Cronhelm {

JobNotifyPage::JobNotifyPage(QWidget *parent)
    : JobEditorPage(parent)
    , m_ui(std::make_unique<Ui::JobNotifyPage>())
{
    setObjectName(QStringLiteral("notifyTab"));
    Ui::JobNotifyPage &ui = *m_ui;
    ui.setupUi(this);
    ui.quietEdit->setRange(0, 30 * 86400);
    // The address takes the spare width; the kind and the three "when" columns keep their
    // titles whole (a fixed-width address clipped "Recovery" in a narrow window).
    QHeaderView *header = ui.notifyTable->horizontalHeader();
    header->setMinimumSectionSize(60);
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(1, QHeaderView::Stretch);
    header->setStretchLastSection(false);
    prepareErrorLabel(ui.notifyError);
    watchTouch(ui.notifyTable, QStringLiteral("notify"));
    connect(ui.addNotifyButton, &QPushButton::clicked, this, &JobNotifyPage::addTarget);
    connect(ui.removeNotifyButton, &QPushButton::clicked, this, [this] {
        if (m_ui->notifyTable->currentRow() >= 0)
            m_ui->notifyTable->removeRow(m_ui->notifyTable->currentRow());
        emit changed();
    });
    connect(ui.notifyTable, &QTableWidget::itemChanged, this, &JobEditorPage::changed);
    connect(ui.quietEdit, &DurationEdit::secondsChanged, this, &JobEditorPage::changed);
}

JobNotifyPage::~JobNotifyPage() = default;

void JobNotifyPage::addTarget()
{
    QTableWidget *t = m_ui->notifyTable;
    const int row = t->rowCount();
    t->insertRow(row);
    auto *kind = new QComboBox(t);
    kind->addItem(tr("Slack"), wireName(NotifyKind::Slack));
    kind->addItem(tr("Webhook"), wireName(NotifyKind::Webhook));
    connect(kind, &QComboBox::currentIndexChanged, this, &JobEditorPage::changed);
    t->setCellWidget(row, 0, kind);
    t->setItem(row, 1, new QTableWidgetItem);
    for (int c = 2; c <= 4; ++c) {
        auto *check = new QTableWidgetItem;
        check->setFlags(Qt::ItemIsUserCheckable | Qt::ItemIsEnabled | Qt::ItemIsSelectable);
        check->setCheckState(c == 3 ? Qt::Unchecked : Qt::Checked);
        t->setItem(row, c, check);
    }
}

void JobNotifyPage::load(const JobSpec &saved)
{
    Ui::JobNotifyPage &ui = *m_ui;
    ui.quietEdit->setSeconds(saved.notifyQuietSeconds);
    ui.notifyTable->setRowCount(0);
    for (const NotificationTarget &n : saved.notify) {
        addTarget();
        const int row = ui.notifyTable->rowCount() - 1;
        auto *kind = qobject_cast<QComboBox *>(ui.notifyTable->cellWidget(row, 0));
        kind->setCurrentIndex(std::max(0, kind->findData(wireName(n.kind))));
        ui.notifyTable->item(row, 1)->setText(n.url);
        const bool on[] = {n.onFailure, n.onSuccess, n.onRecovery};
        for (int c = 0; c < 3; ++c)
            ui.notifyTable->item(row, c + 2)->setCheckState(on[c] ? Qt::Checked : Qt::Unchecked);
    }
}

void JobNotifyPage::apply(JobSpec &s) const
{
    const Ui::JobNotifyPage &ui = *m_ui;
    s.notifyQuietSeconds = ui.quietEdit->seconds();
    s.notify.clear();
    for (int r = 0; r < ui.notifyTable->rowCount(); ++r) {
        auto *kindBox = qobject_cast<QComboBox *>(ui.notifyTable->cellWidget(r, 0));
        NotificationTarget target;
        target.kind =
            fromWireName<NotifyKind>(kindBox ? kindBox->currentData().toString() : QString())
                .value_or(NotifyKind::Slack);
        const QTableWidgetItem *url = ui.notifyTable->item(r, 1);
        target.url = url ? url->text().trimmed() : QString();
        target.onFailure = ui.notifyTable->item(r, 2)->checkState() == Qt::Checked;
        target.onSuccess = ui.notifyTable->item(r, 3)->checkState() == Qt::Checked;
        target.onRecovery = ui.notifyTable->item(r, 4)->checkState() == Qt::Checked;
        s.notify.append(target);
    }
}

void JobNotifyPage::setReadOnly()
{
    m_ui->notifyTable->setEnabled(false);
    m_ui->quietEdit->setEnabled(false);
    m_ui->addNotifyButton->hide();
    m_ui->removeNotifyButton->hide();
}

QStringList JobNotifyPage::fields() const
{
    return {QStringLiteral("notify"), QStringLiteral("notify_quiet_s")};
}

QWidget *JobNotifyPage::editorFor(const QString &field) const
{
    if (field == QLatin1String("notify_quiet_s"))
        return m_ui->quietEdit;
    return m_ui->notifyTable;
}

QLabel *JobNotifyPage::errorLabel(const QString &field) const
{
    return field == QLatin1String("notify") ? m_ui->notifyError : nullptr;
}

} // namespace Cronhelm
