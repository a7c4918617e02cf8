#pragma once

#include <QTableView>

#include <functional>

namespace Cronhelm {

// A table that says, in its empty viewport, why it is empty and what to do ("No jobs yet.
// Use New Job…"), instead of showing a blank grid. The text is asked for at paint time, so
// it follows the connection and the filters without bookkeeping; an empty text paints
// nothing.
class PlaceholderTableView : public QTableView
{
    Q_OBJECT

public:
    explicit PlaceholderTableView(QWidget *parent = nullptr);

    void setPlaceholder(std::function<QString()> text);
    QString placeholderText() const;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    std::function<QString()> m_placeholder;
};

} // namespace Cronhelm
