#include "print/PdfWriter.h"

#include "core/io/AtomicFile.h"

#include <fmt/format.h>

#include <QAbstractTextDocumentLayout>
#include <QFileInfo>
#include <QGuiApplication>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QTextDocument>

namespace earmark::print {

namespace {

QString toQString(const std::string& text) {
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

} // namespace

core::Result<int> writePdf(const std::filesystem::path& path, const std::string& html, const std::string& title,
                           const std::function<bool(int page, int pages)>& progress) {
    if (QGuiApplication::instance() == nullptr) {
        return core::fail(core::ErrorCode::Storage, "a PDF needs Qt's text layout, which is not running",
                          path.string());
    }
    int pages = 0;
    auto written = core::replaceFileAtomically(path, [&](const std::filesystem::path& temporary) -> core::Status {
        QPdfWriter writer(QString::fromStdString(temporary.string()));
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setPageMargins(QMarginsF(16, 16, 16, 12), QPageLayout::Millimeter);
        writer.setResolution(144);
        writer.setTitle(toQString(title));
        writer.setCreator(QStringLiteral("Earmark"));

        QTextDocument document;
        document.documentLayout()->setPaintDevice(&writer); // measure text as the PDF will draw it
        // No Latin ligatures: "stuff" must copy out of the PDF as "stuff", not "stu\uFB00".
        // Scripts that need shaping (Arabic, Devanagari) are still shaped.
        QFont font = document.defaultFont();
        font.setStyleStrategy(QFont::PreferNoShaping);
        document.setDefaultFont(font);
        document.setHtml(toQString(html));
        const QRectF area = writer.pageLayout().paintRectPixels(writer.resolution());
        const qreal footer = writer.resolution() * 0.35; // a quarter inch and a bit for "Page 2 of 5"
        const QSizeF body(area.width(), area.height() - footer);
        document.setPageSize(body);
        pages = document.pageCount();

        QPainter painter;
        if (!painter.begin(&writer)) {
            return core::fail(core::ErrorCode::Storage, "could not start the PDF", path.string());
        }
        QFont footerFont = document.defaultFont();
        footerFont.setPointSizeF(8);
        for (int page = 0; page < pages; ++page) {
            if (progress && !progress(page, pages)) {
                painter.end();
                return core::fail(core::ErrorCode::Cancelled, "the export was cancelled; nothing was written",
                                  path.string());
            }
            if (page > 0) {
                writer.newPage();
            }
            painter.save();
            painter.translate(0, -body.height() * page);
            document.drawContents(&painter, QRectF(QPointF(0, body.height() * page), body));
            painter.restore();
            painter.setFont(footerFont);
            painter.setPen(QColor(0x77, 0x77, 0x77));
            painter.drawText(QRectF(0, body.height(), body.width(), footer), Qt::AlignHCenter | Qt::AlignBottom,
                             QStringLiteral("Page %1 of %2").arg(page + 1).arg(pages));
        }
        if (!painter.end() || QFileInfo(QString::fromStdString(temporary.string())).size() == 0) {
            return core::fail(core::ErrorCode::Storage, "could not write the PDF", path.string());
        }
        return {};
    });
    if (!written) {
        return std::unexpected(written.error());
    }
    return pages;
}

} // namespace earmark::print
