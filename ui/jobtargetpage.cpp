#include "jobtargetpage.h"

#include "ui_jobtargetpage.h"

#include <QHeaderView>
#include <QJsonDocument>
#include <QStandardItemModel>

namespace Cronhelm {

namespace {

const QStringList &httpFields()
{
    static const QStringList fields = {
        QStringLiteral("target.url"), QStringLiteral("target.headers"),
        QStringLiteral("target.body"), QStringLiteral("target.expect_status"),
        QStringLiteral("target.fail_if_body_matches")};
    return fields;
}

const QStringList &shellFields()
{
    static const QStringList fields = {QStringLiteral("target.command"),
                                       QStringLiteral("target.env")};
    return fields;
}

QString itemText(const QTableWidget *table, int row, int column)
{
    const QTableWidgetItem *item = table->item(row, column);
    return item ? item->text().trimmed() : QString();
}

void addTextRow(QTableWidget *table, const QString &a, const QString &b)
{
    const int row = table->rowCount();
    table->insertRow(row);
    table->setItem(row, 0, new QTableWidgetItem(a));
    table->setItem(row, 1, new QTableWidgetItem(b));
}

// A stacked widget as tall as its current page, not its tallest one.
void fitStackToCurrentPage(QStackedWidget *stack)
{
    for (int i = 0; i < stack->count(); ++i) {
        const QSizePolicy::Policy policy =
            i == stack->currentIndex() ? QSizePolicy::Preferred : QSizePolicy::Ignored;
        stack->widget(i)->setSizePolicy(policy, policy);
    }
    stack->adjustSize();
}

} // namespace

JobTargetPage::JobTargetPage(QWidget *parent)
    : JobEditorPage(parent)
    , m_ui(std::make_unique<Ui::JobTargetPage>())
{
    setObjectName(QStringLiteral("targetTab"));
    Ui::JobTargetPage &ui = *m_ui;
    ui.setupUi(this);
    ui.targetTypeCombo->addItem(tr("HTTP request"), wireName(TargetKind::Http));
    ui.targetTypeCombo->addItem(tr("Shell command"), wireName(TargetKind::Shell));
    connect(ui.targetTypeCombo, &QComboBox::currentIndexChanged, ui.targetStack,
            &QStackedWidget::setCurrentIndex);
    ui.methodCombo->addItems({QStringLiteral("GET"), QStringLiteral("POST"), QStringLiteral("PUT"),
                              QStringLiteral("PATCH"), QStringLiteral("DELETE"),
                              QStringLiteral("HEAD"), QStringLiteral("OPTIONS")});
    ui.shellNote->setText(
        tr("A shell command runs on the scheduler nodes with their permissions. Only members "
           "of cronhelm_shell_admin can create shell jobs or change their commands. Write "
           "${env:CRONHELM_SECRET_NAME} to use a secret the nodes' operator declared; the "
           "command receives it as an environment variable, never as text."));
    ui.failRegexEdit->setToolTip(tr("The run counts as failed when the response body matches "
                                    "this regular expression, even with a good status."));
    connect(ui.targetStack, &QStackedWidget::currentChanged, ui.targetStack,
            [stack = ui.targetStack] { fitStackToCurrentPage(stack); });
    fitStackToCurrentPage(ui.targetStack);
    ui.headersTable->horizontalHeader()->resizeSection(0, 200);
    ui.envTable->horizontalHeader()->resizeSection(0, 200);

    for (const QString &field : httpFields() + shellFields())
        prepareErrorLabel(errorLabel(field));
    watchTouch(ui.urlEdit, QStringLiteral("target.url"));
    watchTouch(ui.headersTable, QStringLiteral("target.headers"));
    watchTouch(ui.bodyEdit, QStringLiteral("target.body"));
    watchTouch(ui.expectStatusEdit, QStringLiteral("target.expect_status"));
    watchTouch(ui.failRegexEdit, QStringLiteral("target.fail_if_body_matches"));
    watchTouch(ui.commandEdit, QStringLiteral("target.command"));
    watchTouch(ui.envTable, QStringLiteral("target.env"));

    connect(ui.addHeaderButton, &QPushButton::clicked, this, [this] {
        addTextRow(m_ui->headersTable, {}, {});
        m_ui->headersTable->editItem(
            m_ui->headersTable->item(m_ui->headersTable->rowCount() - 1, 0));
    });
    connect(ui.removeHeaderButton, &QPushButton::clicked, this, [this] {
        if (m_ui->headersTable->currentRow() >= 0)
            m_ui->headersTable->removeRow(m_ui->headersTable->currentRow());
        emit changed();
    });
    connect(ui.addEnvButton, &QPushButton::clicked, this, [this] {
        addTextRow(m_ui->envTable, {}, {});
        m_ui->envTable->editItem(m_ui->envTable->item(m_ui->envTable->rowCount() - 1, 0));
    });
    connect(ui.removeEnvButton, &QPushButton::clicked, this, [this] {
        if (m_ui->envTable->currentRow() >= 0)
            m_ui->envTable->removeRow(m_ui->envTable->currentRow());
        emit changed();
    });

    for (QLineEdit *edit :
         {ui.urlEdit, ui.expectStatusEdit, ui.failRegexEdit, ui.commandEdit, ui.workdirEdit})
        connect(edit, &QLineEdit::textChanged, this, &JobEditorPage::changed);
    connect(ui.bodyEdit, &QPlainTextEdit::textChanged, this, &JobEditorPage::changed);
    for (QTableWidget *table : {ui.headersTable, ui.envTable})
        connect(table, &QTableWidget::itemChanged, this, &JobEditorPage::changed);
    // The credential notice follows the headers as they are typed.
    connect(ui.headersTable, &QTableWidget::itemChanged, this,
            [this] { showProblem(QStringLiteral("target.headers")); });
    connect(ui.envTable, &QTableWidget::itemChanged, this,
            [this] { showProblem(QStringLiteral("target.env")); });
    connect(ui.targetTypeCombo, &QComboBox::currentIndexChanged, this, &JobEditorPage::changed);
    connect(ui.methodCombo, &QComboBox::currentIndexChanged, this, &JobEditorPage::changed);
}

JobTargetPage::~JobTargetPage() = default;

void JobTargetPage::setShellPermission(const Permission &shell)
{
    Ui::JobTargetPage &ui = *m_ui;
    if (auto *items = qobject_cast<QStandardItemModel *>(ui.targetTypeCombo->model())) {
        items->item(1)->setEnabled(shell.allowed);
        items->item(1)->setToolTip(shell.allowed ? QString() : shell.reason);
    }
    ui.targetStack->widget(1)->setEnabled(shell.allowed);
    ui.targetStack->widget(1)->setToolTip(shell.allowed ? QString() : shell.reason);
}

QString JobTargetPage::notice(const QString &field) const
{
    JobSpec spec;
    apply(spec);
    QStringList notes;
    if (field == QLatin1String("target.headers") && !isShell()) {
        const QStringList literal = literalSecretHeaders(spec.target.http);
        if (!literal.isEmpty()) {
            notes.append(tr("%1 holds a credential in plain text: every administrator can read "
                            "it and every backup keeps it. Write ${env:CRONHELM_SECRET_NAME} "
                            "instead and have the nodes' operator declare it.")
                             .arg(literal.join(QLatin1String(", "))));
        }
    }
    // A reference the nodes refuse: saved, but every run would fail.
    for (const FieldProblem &problem : undeclaredSecretReferences(spec.target.toJson())) {
        if (problem.field == field)
            notes.append(problem.message);
    }
    return notes.join(QLatin1Char('\n'));
}

bool JobTargetPage::isShell() const
{
    return fromWireName<TargetKind>(m_ui->targetTypeCombo->currentData().toString())
        == TargetKind::Shell;
}

void JobTargetPage::load(const JobSpec &saved)
{
    Ui::JobTargetPage &ui = *m_ui;
    const bool shell = saved.target.kind == TargetKind::Shell;
    ui.targetTypeCombo->setCurrentIndex(shell ? 1 : 0);
    ui.targetStack->setCurrentIndex(shell ? 1 : 0);
    ui.headersTable->setRowCount(0);
    ui.envTable->setRowCount(0);
    if (!shell) {
        const HttpTarget &http = saved.target.http;
        ui.methodCombo->setCurrentText(http.method);
        ui.urlEdit->setText(http.url);
        for (const auto &[name, value] : http.headers)
            addTextRow(ui.headersTable, name, value);
        ui.bodyEdit->setPlainText(http.bodyIsJson ? QString::fromUtf8(
                                      QJsonDocument::fromJson(http.body.toUtf8()).toJson())
                                                  : http.body);
        ui.expectStatusEdit->setText(
            http.expectStatus == StatusRange() ? QString() : http.expectStatus.toString());
        ui.failRegexEdit->setText(http.failIfBodyMatches);
    } else {
        const ShellTarget &sh = saved.target.shell;
        ui.commandEdit->setText(sh.command);
        if (!sh.argv.isEmpty()) {
            ui.commandEdit->setPlaceholderText(
                tr("Runs the program directly: %1").arg(sh.argv.join(QLatin1Char(' '))));
        }
        ui.workdirEdit->setText(sh.workdir);
        for (const auto &[name, value] : sh.env)
            addTextRow(ui.envTable, name, value);
    }
}

void JobTargetPage::apply(JobSpec &s) const
{
    const Ui::JobTargetPage &ui = *m_ui;
    const TargetKind kind = fromWireName<TargetKind>(ui.targetTypeCombo->currentData().toString())
                                .value_or(TargetKind::Http);
    // `s` holds the target as loaded: what the form does not show (argv, max_redirects,
    // connection timeouts) stays, unless the kind of target changed.
    const bool wasJson = s.target.http.bodyIsJson;
    if (kind != s.target.kind) {
        s.target = TargetSpec();
        s.target.kind = kind;
    }
    if (kind == TargetKind::Http) {
        HttpTarget &http = s.target.http;
        http.method = ui.methodCombo->currentText();
        http.url = ui.urlEdit->text().trimmed();
        http.headers.clear();
        for (int r = 0; r < ui.headersTable->rowCount(); ++r) {
            if (!itemText(ui.headersTable, r, 0).isEmpty())
                http.headers.append(
                    {itemText(ui.headersTable, r, 0), itemText(ui.headersTable, r, 1)});
        }
        std::sort(http.headers.begin(), http.headers.end());
        const QString body = ui.bodyEdit->toPlainText();
        const QJsonDocument json = QJsonDocument::fromJson(body.toUtf8());
        // A body that was JSON stays JSON while it still parses.
        http.bodyIsJson = wasJson && !json.isNull();
        http.body = http.bodyIsJson ? QString::fromUtf8(json.toJson(QJsonDocument::Compact)) : body;
        const QString expect = ui.expectStatusEdit->text().trimmed();
        http.expectStatus = expect.isEmpty()
            ? StatusRange()
            : StatusRange::parse(expect).value_or(StatusRange{0, 0}); // {0,0}: refused by the rules
        http.failIfBodyMatches = ui.failRegexEdit->text();
    } else {
        ShellTarget &shell = s.target.shell;
        const QString command = ui.commandEdit->text().trimmed();
        if (!command.isEmpty()) {
            shell.command = command;
            shell.argv.clear();
        } else if (shell.argv.isEmpty()) {
            shell.command.clear();
        }
        shell.workdir = ui.workdirEdit->text().trimmed();
        shell.env.clear();
        for (int r = 0; r < ui.envTable->rowCount(); ++r) {
            if (!itemText(ui.envTable, r, 0).isEmpty() || !itemText(ui.envTable, r, 1).isEmpty())
                shell.env.append({itemText(ui.envTable, r, 0), itemText(ui.envTable, r, 1)});
        }
        std::sort(shell.env.begin(), shell.env.end());
    }
}

void JobTargetPage::setReadOnly()
{
    Ui::JobTargetPage &ui = *m_ui;
    for (QLineEdit *edit : findChildren<QLineEdit *>())
        edit->setReadOnly(true);
    ui.bodyEdit->setReadOnly(true);
    for (QWidget *w : std::initializer_list<QWidget *>{ui.targetTypeCombo, ui.methodCombo})
        w->setEnabled(false);
    for (QTableWidget *t : {ui.headersTable, ui.envTable})
        t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    for (QPushButton *b :
         {ui.addHeaderButton, ui.removeHeaderButton, ui.addEnvButton, ui.removeEnvButton})
        b->hide();
}

QString JobTargetPage::explain(const QString &field, const QString &message) const
{
    if (field == QLatin1String("target.url") && m_ui->urlEdit->text().trimmed().isEmpty())
        return tr("Enter the web address to call, starting with https:// or http://.");
    if (field == QLatin1String("target.command") && m_ui->commandEdit->text().trimmed().isEmpty()
        && m_ui->commandEdit->placeholderText().isEmpty())
        return tr("Enter the command to run.");
    return message;
}

QStringList JobTargetPage::fields() const
{
    return isShell() ? shellFields() : httpFields();
}

bool JobTargetPage::isOtherKindField(const QString &field) const
{
    return (isShell() ? httpFields() : shellFields()).contains(field);
}

QWidget *JobTargetPage::editorFor(const QString &field) const
{
    const Ui::JobTargetPage &ui = *m_ui;
    if (field == QLatin1String("target.headers"))
        return ui.headersTable;
    if (field == QLatin1String("target.body"))
        return ui.bodyEdit;
    if (field == QLatin1String("target.expect_status"))
        return ui.expectStatusEdit;
    if (field == QLatin1String("target.fail_if_body_matches"))
        return ui.failRegexEdit;
    if (field == QLatin1String("target.command"))
        return ui.commandEdit;
    if (field == QLatin1String("target.env"))
        return ui.envTable;
    return isShell() ? static_cast<QWidget *>(ui.commandEdit) : ui.urlEdit;
}

QLabel *JobTargetPage::errorLabel(const QString &field) const
{
    const Ui::JobTargetPage &ui = *m_ui;
    if (field == QLatin1String("target.url"))
        return ui.urlError;
    if (field == QLatin1String("target.headers"))
        return ui.headersError;
    if (field == QLatin1String("target.body"))
        return ui.bodyError;
    if (field == QLatin1String("target.expect_status"))
        return ui.expectStatusError;
    if (field == QLatin1String("target.fail_if_body_matches"))
        return ui.failRegexError;
    if (field == QLatin1String("target.command"))
        return ui.commandError;
    if (field == QLatin1String("target.env"))
        return ui.envError;
    return nullptr;
}

} // namespace Cronhelm
