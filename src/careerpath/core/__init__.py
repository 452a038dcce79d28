"""The ground floor: errors, values (money, dates, numbers) and ids; imports nothing of ours."""
