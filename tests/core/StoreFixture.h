#pragma once

#include "core/search/SearchQuery.h"
#include "core/store/CallStore.h"
#include "core/store/CustomerStore.h"
#include "core/store/SearchStore.h"
#include "core/store/Store.h"
#include "support/TempDir.h"

#include <gtest/gtest.h>
#include <memory>

namespace earmark::test {

/// A new workspace in a temporary folder, with helpers to add a customer and a call.
class StoreTest : public testing::Test {
protected:
    void SetUp() override {
        auto store = core::Store::open(dir / "test.earmark", core::Store::OpenMode::CreateIfMissing);
        ASSERT_TRUE(store.has_value()) << store.error().describe();
        this->store = std::move(*store);
    }

    core::Id addCustomer(const std::string& firstName, const std::string& city = "Phoenix") {
        core::Customer customer;
        customer.firstName = firstName;
        customer.city = city;
        auto id = store->customers().add(customer);
        EXPECT_TRUE(id.has_value()) << id.error().describe();
        return id.value_or(0);
    }

    core::Id addCall(core::Id customerId, const std::string& notes, const std::string& at = "2026-03-12T14:30:00") {
        core::Call call;
        call.customerId = customerId;
        call.startedAt = at;
        call.notes = notes;
        auto id = store->calls().add(call);
        EXPECT_TRUE(id.has_value()) << id.error().describe();
        return id.value_or(0);
    }

    std::vector<core::Id> hitCalls(const std::string& text) {
        auto query = core::SearchQuery::parse(text);
        EXPECT_TRUE(query.has_value()) << query.error().describe();
        auto hits = store->search().find(*query);
        EXPECT_TRUE(hits.has_value()) << hits.error().describe();
        std::vector<core::Id> ids;
        for (const auto& hit : hits.value_or(std::vector<core::SearchHit>{})) {
            ids.push_back(hit.callId);
        }
        return ids;
    }

    TempDir dir;
    std::unique_ptr<core::Store> store;
};

} // namespace earmark::test
