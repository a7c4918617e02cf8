#include "zonepicker.h"

#include <displayformat.h>

#include <QCompleter>
#include <QLineEdit>
#include <QTimeZone>

namespace Cronhelm {

ZonePicker::ZonePicker(QWidget *parent)
    : QComboBox(parent)
{
    setEditable(true);
    setInsertPolicy(QComboBox::NoInsert);
    setMaxVisibleItems(20);
    QStringList ids;
    for (const QByteArray &id : QTimeZone::availableTimeZoneIds()) {
        // IANA names only; skip the legacy aliases that are not Area/Location ("EST5EDT").
        // UTC's aliases ("Etc/UTC", "Zulu") are all listed as "UTC", as the jobs list says.
        const QString name = Display::zoneName(QString::fromUtf8(id));
        if (name.contains(QLatin1Char('/')) || name == QLatin1String("UTC"))
            ids.append(name);
    }
    ids.sort();
    ids.removeDuplicates();
    addItems(ids);
    auto *completer = new QCompleter(model(), this);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setFilterMode(Qt::MatchContains);
    completer->setCompletionMode(QCompleter::PopupCompletion);
    setCompleter(completer);
    lineEdit()->setPlaceholderText(tr("Type a city or region, e.g. Berlin"));
    setZoneId(defaultZoneId());
    connect(this, &QComboBox::currentTextChanged, this, [this] { emit zoneChanged(zoneId()); });
}

QString ZonePicker::defaultZoneId()
{
    const QString id = Display::zoneName(QString::fromUtf8(Display::viewerZone().id()));
    return id.isEmpty() ? QStringLiteral("UTC") : id;
}

QString ZonePicker::zoneId() const
{
    const QString text = currentText().trimmed();
    int i = findText(text, Qt::MatchFixedString);
    if (i < 0) // typed as an alias: "Etc/UTC" is listed as "UTC"
        i = findText(Display::zoneName(text), Qt::MatchFixedString);
    return i >= 0 ? itemText(i) : QString();
}

void ZonePicker::setZoneId(const QString &zoneId)
{
    const QString id = Display::zoneName(zoneId);
    int i = findText(id, Qt::MatchFixedString);
    if (i < 0 && QTimeZone(id.toUtf8()).isValid()) {
        addItem(id);
        i = count() - 1;
    }
    setCurrentIndex(i);
    if (i < 0)
        setEditText(id);
}

} // namespace Cronhelm
