#pragma once

#include <QList>
#include <QMetaType>
#include <QString>

namespace Cronhelm {

// One thing wrong with a job definition, tied to the spec key it is about ("name",
// "target.url", "notify", …: the keys of cronhelm.create_job's JSON). The SQL API raises the
// first problem it finds with the same field (see docs/store-api.md); the C++ rules find
// all of them, in the same order.
struct FieldProblem
{
    QString field;
    QString message;

    bool operator==(const FieldProblem &other) const = default;
};

using FieldProblems = QList<FieldProblem>;

} // namespace Cronhelm

Q_DECLARE_METATYPE(Cronhelm::FieldProblem)
