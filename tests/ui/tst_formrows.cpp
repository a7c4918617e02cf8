// FormRows: rows of a form come and go in their places, and a form laid out with fewer rows
// than before stays sound (the Qt 6.4 QFormLayout stale-index bug it works around).
#include <formrows.h>

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QTest>
#include <QWidget>

using namespace Cronhelm;

class TestFormRows : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void hiddenRowsComeBackInTheirPlace();
    void aRowIsFoundByItsLabelToo();
    void aSpanningRowComesBackSpanning();
    void fewerRowsThanBeforeLayOutSoundly();

private:
    struct Form
    {
        QWidget window;
        QFormLayout *layout = new QFormLayout(&window);
        QList<QLabel *> labels;
        QList<QLineEdit *> fields;

        explicit Form(int rows)
        {
            for (int i = 0; i < rows; ++i) {
                labels.append(new QLabel(QStringLiteral("label %1").arg(i)));
                fields.append(new QLineEdit);
                layout->addRow(labels.last(), fields.last());
            }
        }
        // The fields in the form's order, as the layout has them.
        QList<QWidget *> order() const
        {
            QList<QWidget *> result;
            for (int i = 0; i < layout->rowCount(); ++i)
                result.append(layout->itemAt(i, QFormLayout::FieldRole)->widget());
            return result;
        }
    };
};

void TestFormRows::hiddenRowsComeBackInTheirPlace()
{
    Form form(5);
    FormRows rows(form.layout);
    form.window.show();

    rows.setRowVisible(form.fields[1], false);
    rows.setRowVisible(form.fields[3], false);
    QCOMPARE(form.layout->rowCount(), 3);
    QVERIFY(form.fields[1]->isHidden());
    QVERIFY(form.labels[1]->isHidden());
    QVERIFY(!rows.isRowVisible(form.fields[3]));
    QCOMPARE(form.order(), (QList<QWidget *>{form.fields[0], form.fields[2], form.fields[4]}));

    // Back in the other order than they left: each lands where it was.
    rows.setRowVisible(form.fields[3], true);
    rows.setRowVisible(form.fields[1], true);
    QCOMPARE(form.order(),
             (QList<QWidget *>{form.fields[0], form.fields[1], form.fields[2], form.fields[3],
                               form.fields[4]}));
    QVERIFY(form.fields[1]->isVisible());
    QVERIFY(form.labels[1]->isVisible());
    QCOMPARE(form.layout->labelForField(form.fields[3]), form.labels[3]);

    // Asking twice changes nothing.
    rows.setRowVisible(form.fields[2], true);
    rows.setRowVisible(form.fields[2], false);
    rows.setRowVisible(form.fields[2], false);
    QCOMPARE(form.layout->rowCount(), 4);
}

void TestFormRows::aRowIsFoundByItsLabelToo()
{
    Form form(3);
    FormRows rows(form.layout);
    rows.setRowVisible(form.labels[2], false);
    QCOMPARE(form.layout->rowCount(), 2);
    QVERIFY(form.fields[2]->isHidden());
    rows.setRowVisible(form.labels[2], true);
    QCOMPARE(form.order().last(), form.fields[2]);
}

void TestFormRows::aSpanningRowComesBackSpanning()
{
    Form form(2);
    auto *note = new QLabel(QStringLiteral("a note across the form"));
    form.layout->insertRow(1, note);
    FormRows rows(form.layout);
    rows.setRowVisible(note, false);
    QCOMPARE(form.layout->rowCount(), 2);
    rows.setRowVisible(note, true);
    QCOMPARE(form.layout->itemAt(1, QFormLayout::SpanningRole)->widget(), note);
}

void TestFormRows::fewerRowsThanBeforeLayOutSoundly()
{
    // The editor's case: word-wrapped labels make the form height-for-width; it is laid
    // out with every row shown, then most rows go, then its height for a width is asked.
    // With QFormLayout::setRowVisible the hidden rows kept indices past the new, shorter
    // row array and heightForWidth() wrote through them (run this under valgrind: invalid
    // writes in QFormLayoutPrivate::setupHfwLayoutData; the editor crashed now and then).
    Form form(8);
    for (QLabel *label : std::as_const(form.labels))
        label->setWordWrap(true);
    FormRows rows(form.layout);
    const int allRows = form.layout->sizeHint().height();
    for (int i = 2; i < 8; ++i)
        rows.setRowVisible(form.fields[i], false);
    const int twoRows = form.layout->heightForWidth(280);
    QVERIFY2(twoRows < allRows, qPrintable(QStringLiteral("%1 !< %2").arg(twoRows).arg(allRows)));
    QCOMPARE(form.layout->rowCount(), 2);
}

QTEST_MAIN(TestFormRows)
#include "tst_formrows.moc"
