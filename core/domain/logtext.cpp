#include "logtext.h"

namespace Cronhelm {

namespace {

bool isEscape(QChar c)
{
    return c.unicode() >= LogText::escapeBase && c.unicode() <= LogText::escapeBase + 0xFF;
}

void appendEscaped(QString &out, unsigned char byte)
{
    out.append(QChar(char16_t(LogText::escapeBase + byte)));
}

// Length of the UTF-8 sequence a lead byte starts (0: not a lead byte), and the range its
// second byte must be in (excludes overlong forms, surrogates and code points > U+10FFFF).
int sequenceLength(unsigned char lead, unsigned char &low, unsigned char &high)
{
    low = 0x80;
    high = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
        return 2;
    }
    if (lead >= 0xE0 && lead <= 0xEF) {
        if (lead == 0xE0) {
            low = 0xA0;
        } else if (lead == 0xED) {
            high = 0x9F;
        }
        return 3;
    }
    if (lead >= 0xF0 && lead <= 0xF4) {
        if (lead == 0xF0) {
            low = 0x90;
        } else if (lead == 0xF4) {
            high = 0x8F;
        }
        return 4;
    }
    return 0;
}

// Encodes `bytes`; when `final` is false an incomplete sequence at the end is returned in
// `rest` instead of being escaped.
QString encodeBytes(QByteArrayView bytes, bool final, QByteArray *rest)
{
    QString out;
    out.reserve(bytes.size());
    const auto *data = reinterpret_cast<const unsigned char *>(bytes.data());
    const qsizetype size = bytes.size();
    qsizetype i = 0;
    while (i < size) {
        const unsigned char b = data[i];
        if (b != 0 && b < 0x80) {
            out.append(QLatin1Char(char(b)));
            ++i;
            continue;
        }
        unsigned char low = 0;
        unsigned char high = 0;
        const int length = b == 0 ? 0 : sequenceLength(b, low, high);
        if (length == 0) {
            appendEscaped(out, b);
            ++i;
            continue;
        }
        // How many of the following bytes are valid continuations.
        int valid = 1;
        while (valid < length && i + valid < size) {
            const unsigned char c = data[i + valid];
            const bool ok = valid == 1 ? (c >= low && c <= high) : (c >= 0x80 && c <= 0xBF);
            if (!ok) {
                break;
            }
            ++valid;
        }
        if (valid < length) {
            if (i + valid == size && !final) {
                *rest = QByteArray(reinterpret_cast<const char *>(data + i), size - i);
                return out;
            }
            appendEscaped(out, b); // invalid (or cut at the very end): this byte alone
            ++i;
            continue;
        }
        char32_t codePoint = b & (0xFF >> (length + 1));
        for (int k = 1; k < length; ++k) {
            codePoint = (codePoint << 6) | (data[i + k] & 0x3F);
        }
        if (codePoint >= LogText::escapeBase && codePoint <= LogText::escapeBase + 0xFF) {
            for (int k = 0; k < length; ++k) {
                appendEscaped(out, data[i + k]); // keeps the mapping one-to-one
            }
        } else {
            const char32_t one[1] = {codePoint};
            out.append(QString::fromUcs4(one, 1));
        }
        i += length;
    }
    return out;
}

} // namespace

QByteArray LogText::toBytes(QStringView text)
{
    QByteArray bytes;
    bytes.reserve(text.size());
    qsizetype runStart = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (isEscape(text[i])) {
            bytes.append(text.mid(runStart, i - runStart).toUtf8());
            bytes.append(char(text[i].unicode() - escapeBase));
            runStart = i + 1;
        }
    }
    bytes.append(text.mid(runStart).toUtf8());
    return bytes;
}

QString LogText::toDisplay(QStringView text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        if (isEscape(c)) {
            const int byte = c.unicode() - escapeBase;
            out.append(QStringLiteral("\\x%1").arg(byte, 2, 16, QLatin1Char('0')));
        } else {
            out.append(c);
        }
    }
    return out;
}

QString LogTextEncoder::encode(QByteArrayView bytes)
{
    if (m_partial.isEmpty()) {
        return encodeBytes(bytes, false, &m_partial);
    }
    QByteArray joined = std::exchange(m_partial, QByteArray());
    joined.append(bytes);
    return encodeBytes(joined, false, &m_partial);
}

QString LogTextEncoder::finish()
{
    const QByteArray rest = std::exchange(m_partial, QByteArray());
    return rest.isEmpty() ? QString() : encodeBytes(rest, true, nullptr);
}

} // namespace Cronhelm
