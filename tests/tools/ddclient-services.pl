#!/usr/bin/perl
# ddclient-services.pl DDCLIENT: each protocol of that ddclient's %services,
# one line each: "name server script", "-" where it has no default. The
# table is read from ddclient itself: its source is run up to the line
# that would start it, which prints the table instead (%services is a
# file-scoped lexical, out of reach from outside). No lexical of this
# script is in scope of that source, whose own names it would shadow.
use strict;
use warnings;

$::path = shift or die "usage: ddclient-services.pl DDCLIENT\n";
open(FH, '<', $::path) or die "$::path: $!\n";
$::src = do { local $/; <FH> };
close(FH);
$::dump = 'for my $p (sort keys %services) {'
    . ' my $v = $services{$p}{variables} || {};'
    . ' print join(" ", $p, map { defined $v->{$_} && defined $v->{$_}{default}'
    . ' ? $v->{$_}{default} : "-" } qw(server script)), "\n"; } exit 0;';
$::src =~ s/^__PACKAGE__->main\(\).*$/$::dump/m
    or die "$::path: no line that starts ddclient\n";
eval $::src;
die "$::path: $@" if $@;
