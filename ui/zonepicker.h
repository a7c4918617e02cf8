#pragma once

#include <QComboBox>

namespace Cronhelm {

// A searchable time-zone picker: type any part of an IANA zone id ("berlin", "new_y") and
// pick from the matches. Defaults to the user's own zone.
class ZonePicker : public QComboBox
{
    Q_OBJECT

public:
    explicit ZonePicker(QWidget *parent = nullptr);

    // The chosen zone id, or empty when the text is not a known zone.
    QString zoneId() const;
    // UTC's aliases show as "UTC" (and are saved so when the job is saved).
    void setZoneId(const QString &zoneId);
    static QString defaultZoneId();

signals:
    void zoneChanged(const QString &zoneId);
};

} // namespace Cronhelm
