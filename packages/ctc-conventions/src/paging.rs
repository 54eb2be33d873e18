//! Pages of stored entries for list queries.

use cosmwasm_std::StdResult;
pub use ctc_interfaces::paging::{
    clamped_page_limit, filtered_page, DEFAULT_PAGE_LIMIT, MAX_PAGE_LIMIT, MAX_SCANNED_PER_PAGE,
};

use crate::error::ConventionError;

/// The number of items a page holds: the default when none is asked, refused above the maximum.
pub fn page_limit(limit: Option<u32>) -> Result<usize, ConventionError> {
    Ok(ctc_interfaces::paging::page_limit(limit)?)
}

/// The first `limit` of `entries` (the default page when absent, refused above the maximum), each
/// turned into an item by `item`. Entries are what a range or a keys walk yields: (key, value)
/// pairs, or keys alone where the value holds nothing to read.
pub fn page<E, T>(
    entries: impl Iterator<Item = StdResult<E>>,
    limit: Option<u32>,
    mut item: impl FnMut(E) -> StdResult<T>,
) -> Result<Vec<T>, ConventionError> {
    let limit = page_limit(limit)?;
    let items = entries
        .take(limit)
        .map(|entry| entry.and_then(&mut item))
        .collect::<StdResult<_>>()?;
    Ok(items)
}

#[cfg(test)]
mod tests {
    use super::*;
    use cosmwasm_std::testing::MockStorage;
    use cosmwasm_std::Order;
    use cw_storage_plus::{Bound, Map};

    const SEATS: Map<(u32, u32), u8> = Map::new("seats");

    #[test]
    fn a_page_starts_after_the_cursor_and_stops_at_the_limit() {
        let mut storage = MockStorage::new();
        for row in 1..=2 {
            for seat in 1..=20 {
                SEATS.save(&mut storage, (row, seat), &0).unwrap();
            }
        }
        let entries = SEATS.prefix(2).range(
            &storage,
            Some(Bound::exclusive(3u32)),
            None,
            Order::Ascending,
        );
        let seats = page(entries, Some(4), |(seat, _)| Ok(seat)).unwrap();
        assert_eq!(seats, vec![4, 5, 6, 7]);
        let entries = SEATS
            .prefix(1)
            .range(&storage, None, None, Order::Ascending);
        assert_eq!(page(entries, None, |(seat, _)| Ok(seat)).unwrap().len(), 10);
        let entries = SEATS
            .prefix(1)
            .range(&storage, None, None, Order::Ascending);
        assert!(matches!(
            page(entries, Some(51), |(seat, _)| Ok(seat)),
            Err(ConventionError::PageLimit(_))
        ));
    }
}
