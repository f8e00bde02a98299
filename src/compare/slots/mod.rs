//! The slot builders, one kind of claim each: counts, distances and directions, the date,
//! responsibility, actors and means, what was said. The toll's slots are in
//! [`super::toll`].

pub mod counts;
pub mod dates;
pub mod named;
pub mod places;
pub mod responsibility;
pub mod said;
