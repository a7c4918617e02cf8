#pragma once

#include "ctltr.h"

#include <domain/enums.h>
#include <result.h>

#include <QStringList>

namespace Cronhelm {

// Options whose values are an enum's spellings (core/domain/enums.cpp): the list shown in
// help and errors, and the reading, from that one table.

// The spellings of `values`, e.g. "fixed", "exponential".
template<typename Enum>
QStringList spellings(const QList<Enum> &values = allValues<Enum>())
{
    QStringList names;
    for (Enum value : values)
        names.append(wireName(value));
    return names;
}

// `text` as one of `allowed`; BadInput names the option and lists what it takes.
template<typename Enum>
Result<Enum> readChoice(const QString &text, const QString &option,
                        const QList<Enum> &allowed = allValues<Enum>())
{
    const std::optional<Enum> value = fromWireName<Enum>(text);
    if (!value || !allowed.contains(*value)) {
        return makeError(ErrorKind::BadInput,
                         CtlTr::tr("--%1: \"%2\" is not one of %3")
                             .arg(option, text, spellings(allowed).join(QStringLiteral(", "))));
    }
    return *value;
}

// Each of `texts` as one of `allowed`.
template<typename Enum>
Result<QList<Enum>> readChoices(const QStringList &texts, const QString &option,
                                const QList<Enum> &allowed = allValues<Enum>())
{
    QList<Enum> values;
    for (const QString &text : texts) {
        Result<Enum> value = readChoice<Enum>(text, option, allowed);
        if (!value)
            return value.error();
        values.append(*value);
    }
    return values;
}

} // namespace Cronhelm
