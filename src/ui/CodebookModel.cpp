#include "ui/CodebookModel.h"

#include "core/domain/Vocabulary.h"
#include "core/store/CodebookStore.h"
#include "ui/BackgroundReader.h"
#include "ui/TextPositions.h"

#include <algorithm>

#include <QColor>
#include <QIODevice>
#include <QMimeData>

namespace earmark::ui {

namespace {
const QString kMimeType = QStringLiteral("application/x-earmark-tag");
}

CodebookModel::CodebookModel(QObject* parent) : QAbstractItemModel(parent) {
}

void CodebookModel::setStore(core::Store* store, BackgroundReader* reader) {
    m_store = store;
    m_reader = store != nullptr ? reader : nullptr;
    m_usage.clear();
    reload();
}

void CodebookModel::reload() {
    beginResetModel();
    m_nodes.clear();
    m_roots.clear();
    m_usageKnown = false;
    if (m_store != nullptr) {
        auto tags = m_store->codebook().tags();
        if (!tags) {
            emit loadFailed(QString::fromStdString(tags.error().describe()));
        } else {
            std::map<core::Id, int> byId;
            for (auto& tag : *tags) {
                byId[tag.id] = static_cast<int>(m_nodes.size());
                m_nodes.push_back(Node{std::move(tag), -1, {}, 0});
            }
            // The store gives tags sorted by name within each parent: keep that order.
            for (int i = 0; i < static_cast<int>(m_nodes.size()); ++i) {
                const auto& parentId = m_nodes[static_cast<std::size_t>(i)].tag.parentId;
                const auto parent = parentId ? byId.find(*parentId) : byId.end();
                auto& siblings =
                    parent == byId.end() ? m_roots : m_nodes[static_cast<std::size_t>(parent->second)].children;
                m_nodes[static_cast<std::size_t>(i)].parent = parent == byId.end() ? -1 : parent->second;
                m_nodes[static_cast<std::size_t>(i)].row = static_cast<int>(siblings.size());
                siblings.push_back(i);
            }
        }
    }
    endResetModel();
    requestUsage();
}

void CodebookModel::requestUsage() {
    if (m_store == nullptr) {
        return;
    }
    if (m_reader == nullptr) {
        applyUsage(m_store->codebook().usage());
        return;
    }
    m_reader->run<std::map<core::Id, core::TagUsage>>(
        "tag-usage", this, [](core::Store& store) { return store.codebook().usage(); },
        [this](core::Result<std::map<core::Id, core::TagUsage>> usage) { applyUsage(std::move(usage)); });
}

void CodebookModel::applyUsage(core::Result<std::map<core::Id, core::TagUsage>> usage) {
    if (!usage) {
        if (usage.error().code != core::ErrorCode::Cancelled) {
            emit loadFailed(QString::fromStdString(usage.error().describe()));
        }
        return;
    }
    m_usage = std::move(*usage);
    m_usageKnown = true;
    // Only the count columns changed: tell each group of siblings, leaving the tree as it is.
    const auto notify = [this](const QModelIndex& parent, const std::vector<int>& siblings) {
        if (!siblings.empty()) {
            emit dataChanged(index(0, Quotes, parent), index(static_cast<int>(siblings.size()) - 1, Customers, parent),
                             {Qt::DisplayRole});
        }
    };
    notify({}, m_roots);
    for (std::size_t i = 0; i < m_nodes.size(); ++i) {
        notify(createIndex(m_nodes[i].row, 0, static_cast<quintptr>(i + 1)), m_nodes[i].children);
    }
    emit usageChanged();
}

const std::vector<int>& CodebookModel::childrenOf(int node) const {
    return node < 0 ? m_roots : m_nodes[static_cast<std::size_t>(node)].children;
}

const core::Tag* CodebookModel::tag(const QModelIndex& index) const {
    if (!index.isValid()) {
        return nullptr;
    }
    return &m_nodes[static_cast<std::size_t>(index.internalId() - 1)].tag;
}

QModelIndex CodebookModel::indexOf(core::Id tagId) const {
    for (std::size_t i = 0; i < m_nodes.size(); ++i) {
        if (m_nodes[i].tag.id == tagId) {
            return createIndex(m_nodes[i].row, 0, static_cast<quintptr>(i + 1));
        }
    }
    return {};
}

QModelIndex CodebookModel::index(int row, int column, const QModelIndex& parent) const {
    const int parentNode = parent.isValid() ? static_cast<int>(parent.internalId() - 1) : -1;
    const auto& siblings = childrenOf(parentNode);
    if (row < 0 || row >= static_cast<int>(siblings.size()) || column < 0 || column >= ColumnCount ||
        (parent.isValid() && parent.column() != 0)) {
        return {};
    }
    return createIndex(row, column, static_cast<quintptr>(siblings[static_cast<std::size_t>(row)] + 1));
}

QModelIndex CodebookModel::parent(const QModelIndex& child) const {
    if (!child.isValid()) {
        return {};
    }
    const int parentNode = m_nodes[static_cast<std::size_t>(child.internalId() - 1)].parent;
    if (parentNode < 0) {
        return {};
    }
    return createIndex(m_nodes[static_cast<std::size_t>(parentNode)].row, 0, static_cast<quintptr>(parentNode + 1));
}

int CodebookModel::rowCount(const QModelIndex& parent) const {
    if (parent.isValid() && parent.column() != 0) {
        return 0;
    }
    return static_cast<int>(childrenOf(parent.isValid() ? static_cast<int>(parent.internalId() - 1) : -1).size());
}

int CodebookModel::columnCount(const QModelIndex&) const {
    return ColumnCount;
}

QVariant CodebookModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) {
        return {};
    }
    const core::Tag& tag = m_nodes[static_cast<std::size_t>(index.internalId() - 1)].tag;
    const auto usage = m_usage.find(tag.id);
    const core::TagUsage used = usage == m_usage.end() ? core::TagUsage{} : usage->second;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Name:
            return toQString(tag.name);
        case Kind:
            return toQString(std::string(core::label(tag.kind)));
        case Quotes:
            return static_cast<qlonglong>(used.quotes);
        case Customers:
            return static_cast<qlonglong>(used.customers);
        default:
            return {};
        }
    case Qt::EditRole:
        return index.column() == Name ? QVariant(toQString(tag.name)) : QVariant();
    case Qt::DecorationRole:
        return index.column() == Name ? QVariant(QColor(toQString(tag.color))) : QVariant();
    case Qt::ToolTipRole:
        return tag.description.empty() ? QVariant() : QVariant(toQString(tag.description));
    case Qt::TextAlignmentRole:
        return index.column() >= Quotes ? QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    case kTagIdRole:
        return QVariant::fromValue(tag.id);
    default:
        return {};
    }
}

QVariant CodebookModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case Name:
        return tr("Tag");
    case Kind:
        return tr("Kind");
    case Quotes:
        return tr("Quotes");
    case Customers:
        return tr("Customers");
    default:
        return {};
    }
}

Qt::ItemFlags CodebookModel::flags(const QModelIndex& index) const {
    if (!index.isValid()) {
        return Qt::ItemIsDropEnabled; // dropping on empty space makes a top-level tag
    }
    Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled | Qt::ItemIsDropEnabled;
    if (index.column() == Name) {
        flags |= Qt::ItemIsEditable;
    }
    return flags;
}

bool CodebookModel::setData(const QModelIndex& index, const QVariant& value, int role) {
    if (role != Qt::EditRole || index.column() != Name || !index.isValid()) {
        return false;
    }
    const QString name = value.toString().trimmed();
    const core::Tag* current = tag(index);
    if (name.isEmpty() || name == toQString(current->name)) {
        return false;
    }
    emit renameRequested(current->id, name); // the store changes through an undo command
    return true;
}

Qt::DropActions CodebookModel::supportedDropActions() const {
    return Qt::MoveAction;
}

QStringList CodebookModel::mimeTypes() const {
    return {kMimeType};
}

QMimeData* CodebookModel::mimeData(const QModelIndexList& indexes) const {
    if (indexes.isEmpty()) {
        return nullptr;
    }
    auto* data = new QMimeData;
    data->setData(kMimeType, QByteArray::number(static_cast<qlonglong>(tag(indexes.front())->id)));
    return data;
}

bool CodebookModel::dropMimeData(const QMimeData* data, Qt::DropAction action, int, int, const QModelIndex& parent) {
    if (action != Qt::MoveAction || data == nullptr || !data->hasFormat(kMimeType)) {
        return false;
    }
    const core::Id moved = data->data(kMimeType).toLongLong();
    const core::Tag* target = tag(parent.siblingAtColumn(0));
    emit moveRequested(moved, target != nullptr ? std::optional<core::Id>(target->id) : std::nullopt);
    return false; // the model reloads from the store; Qt must not remove the dragged row itself
}

} // namespace earmark::ui
