//! Page limits shared by every paginated query of the platform.

use cosmwasm_std::StdResult;
use thiserror::Error;

pub const DEFAULT_PAGE_LIMIT: u32 = 10;
pub const MAX_PAGE_LIMIT: u32 = 50;

#[derive(Error, Debug, PartialEq, Eq)]
#[error("page limit {requested} is above the maximum of {max}")]
pub struct PageLimitError {
    pub requested: u32,
    pub max: u32,
}

/// The number of items a page holds: the default when none is asked, an error above the maximum.
pub fn page_limit(limit: Option<u32>) -> Result<usize, PageLimitError> {
    match limit {
        None => Ok(DEFAULT_PAGE_LIMIT as usize),
        Some(requested) if requested > MAX_PAGE_LIMIT => Err(PageLimitError {
            requested,
            max: MAX_PAGE_LIMIT,
        }),
        Some(requested) => Ok(requested as usize),
    }
}

/// For standard queries (cw721) whose specification clamps an oversized limit rather than
/// refusing it: the default when none is asked, at most the maximum.
pub fn clamped_page_limit(limit: Option<u32>) -> usize {
    limit.unwrap_or(DEFAULT_PAGE_LIMIT).min(MAX_PAGE_LIMIT) as usize
}

/// Entries a filtered page reads at most, matching or not, so a rare filter cannot walk a whole
/// collection in one query.
pub const MAX_SCANNED_PER_PAGE: usize = 200;

/// A page of the entries `keep` turns into items, walking `entries` in order. It stops at `limit`
/// items or after `MAX_SCANNED_PER_PAGE` entries; the key to continue after is `None` once the
/// walk reached the end.
pub fn filtered_page<K: Clone, V, T>(
    entries: impl Iterator<Item = StdResult<(K, V)>>,
    limit: usize,
    mut keep: impl FnMut(&K, V) -> StdResult<Option<T>>,
) -> StdResult<(Vec<T>, Option<K>)> {
    let mut items = Vec::with_capacity(limit);
    let mut last_read = None;
    for (scanned, entry) in entries.enumerate() {
        if items.len() == limit || scanned == MAX_SCANNED_PER_PAGE {
            return Ok((items, last_read));
        }
        let (key, value) = entry?;
        if let Some(item) = keep(&key, value)? {
            items.push(item);
        }
        last_read = Some(key);
    }
    Ok((items, None))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_accepts_up_to_the_maximum_and_refuses_more() {
        assert_eq!(page_limit(None), Ok(10));
        assert_eq!(page_limit(Some(50)), Ok(50));
        assert_eq!(
            page_limit(Some(51)),
            Err(PageLimitError {
                requested: 51,
                max: 50
            })
        );
        assert_eq!(clamped_page_limit(Some(1_000)), 50);
        assert_eq!(clamped_page_limit(None), 10);
    }

    fn evens(from: u32, count: u32, limit: usize) -> (Vec<u32>, Option<u32>) {
        let entries = (from..from + count).map(|n| Ok((n, n)));
        filtered_page(entries, limit, |_, n| Ok((n % 2 == 0).then_some(n))).unwrap()
    }

    #[test]
    fn a_filtered_page_stops_at_the_limit_or_the_scan_bound() {
        assert_eq!(evens(0, 10, 3), (vec![0, 2, 4], Some(4)));
        assert_eq!(evens(0, 10, 50), (vec![0, 2, 4, 6, 8], None));
        let (items, next) = evens(1, 1_000, 50);
        assert_eq!(items.len(), 50);
        assert_eq!(next, Some(100));
        // Only odd keys: the page ends empty after 200 reads, with a key to go on from.
        let entries = (0..1_000u32).map(|n| Ok((2 * n + 1, 2 * n + 1)));
        let (items, next) =
            filtered_page(entries, 10, |_, n: u32| Ok((n % 2 == 0).then_some(n))).unwrap();
        assert!(items.is_empty());
        assert_eq!(next, Some(399));
    }
}
