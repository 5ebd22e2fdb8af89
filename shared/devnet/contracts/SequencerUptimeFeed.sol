// SPDX-License-Identifier: UNLICENSED
pragma solidity 0.8.30;

/// @title L2 sequencer uptime feed
/// @notice Reads like a Chainlink L2 sequencer uptime feed: `answer` 0 means the sequencer is up, 1 that it is down,
/// and `startedAt` is when the current status began. The owner reports the status, as the L1 relay does for the
/// real feed: a change opens a new round (startedAt = updatedAt = block.timestamp); the same status again only
/// refreshes `updatedAt`.
contract SequencerUptimeFeed {
    struct Round {
        int256 answer;
        uint64 startedAt;
        uint64 updatedAt;
    }

    uint8 public constant decimals = 0;
    string public constant description = "L2 Sequencer Uptime Status Feed";
    uint256 public constant version = 1;

    address public immutable owner;
    uint80 public latestRound;
    mapping(uint80 roundId => Round round) private rounds;

    event NewRound(uint256 indexed roundId, address indexed startedBy, uint256 startedAt);
    event AnswerUpdated(int256 indexed current, uint256 indexed roundId, uint256 updatedAt);
    event RoundUpdated(int256 status, uint64 updatedAt);

    error NotOwner(address caller);
    error InvalidStatus(int256 answer);
    error NoDataPresent();

    constructor() {
        owner = msg.sender;
        _openRound(0);
    }

    /// @notice Reports the sequencer status: 0 up, 1 down.
    function setStatus(int256 answer) external {
        if (msg.sender != owner) revert NotOwner(msg.sender);
        if (answer != 0 && answer != 1) revert InvalidStatus(answer);
        Round storage current = rounds[latestRound];
        if (current.answer == answer) {
            current.updatedAt = uint64(block.timestamp);
            emit RoundUpdated(answer, current.updatedAt);
            return;
        }
        _openRound(answer);
    }

    function latestRoundData()
        external
        view
        returns (uint80 roundId, int256 answer, uint256 startedAt, uint256 updatedAt, uint80 answeredInRound)
    {
        return getRoundData(latestRound);
    }

    function getRoundData(uint80 requestedRoundId)
        public
        view
        returns (uint80 roundId, int256 answer, uint256 startedAt, uint256 updatedAt, uint80 answeredInRound)
    {
        if (requestedRoundId == 0 || requestedRoundId > latestRound) revert NoDataPresent();
        Round storage round = rounds[requestedRoundId];
        return (requestedRoundId, round.answer, round.startedAt, round.updatedAt, requestedRoundId);
    }

    function _openRound(int256 answer) private {
        uint80 roundId = latestRound + 1;
        latestRound = roundId;
        rounds[roundId] = Round(answer, uint64(block.timestamp), uint64(block.timestamp));
        emit NewRound(roundId, msg.sender, block.timestamp);
        emit AnswerUpdated(answer, roundId, block.timestamp);
    }
}
